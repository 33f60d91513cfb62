import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsString, IsUrl, MaxLength, ValidateIf } from 'class-validator';
import { LocationPlainJSON, URL_RULE } from '../../transaction-metadata/dto/transaction-metadata.json';
import { NestedJson } from '../../../common/http/obp-validators';

// Class names are OBP's: a refused body answers "The Json body should be the AliasJSON ...".
// An empty string clears a value; URLs must otherwise parse (with a scheme).

export class AliasJSON {
  @ApiProperty({ example: 'Landlord' }) @IsString() @MaxLength(64) alias: string;
}

export class MoreInfoJSON {
  @ApiProperty({ example: 'Pays on the 1st' }) @IsString() @MaxLength(255) more_info: string;
}

export class UrlJSON {
  @ApiProperty({ example: 'https://www.example.com' }) @IsString() @MaxLength(2000) @ValidateIf((o: UrlJSON) => o.URL !== '') @IsUrl(URL_RULE) URL: string;
}

export class ImageUrlJSON {
  @ApiProperty({ example: 'https://www.example.com/logo.png' })
  @IsString()
  @MaxLength(2000)
  @ValidateIf((o: ImageUrlJSON) => o.image_URL !== '')
  @IsUrl(URL_RULE)
  image_URL: string;
}

export class OpenCorporateUrlJSON {
  @ApiProperty({ example: 'https://opencorporates.com/companies/gb/00000006' })
  @IsString()
  @MaxLength(2000)
  @ValidateIf((o: OpenCorporateUrlJSON) => o.open_corporates_URL !== '')
  @IsUrl(URL_RULE)
  open_corporates_URL: string;
}

export class CorporateLocationJSON {
  @ApiProperty({ type: LocationPlainJSON }) @IsDefined() @NestedJson(() => LocationPlainJSON) corporate_location: LocationPlainJSON;
}

export class PhysicalLocationJSON {
  @ApiProperty({ type: LocationPlainJSON }) @IsDefined() @NestedJson(() => LocationPlainJSON) physical_location: LocationPlainJSON;
}
