import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsObject, IsString, IsUrl, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import { LocationPlainJSON, URL_RULE } from '../../transaction-metadata/dto/transaction-metadata.json';

// Nested objects are @IsObject() (lists of them: each): @ValidateNested alone lets an array stand in for
// an object, which reached the services as a list (500s or stored garbage; found by test/e2e/fuzz.e2e-spec.ts).

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
  @IsString() @MaxLength(2000) @ValidateIf((o: ImageUrlJSON) => o.image_URL !== '') @IsUrl(URL_RULE) image_URL: string;
}

export class OpenCorporateUrlJSON {
  @ApiProperty({ example: 'https://opencorporates.com/companies/gb/00000006' })
  @IsString() @MaxLength(2000) @ValidateIf((o: OpenCorporateUrlJSON) => o.open_corporates_URL !== '') @IsUrl(URL_RULE) open_corporates_URL: string;
}

export class CorporateLocationJSON {
  @ApiProperty({ type: LocationPlainJSON }) @IsDefined() @IsObject() @ValidateNested() @Type(() => LocationPlainJSON) corporate_location: LocationPlainJSON;
}

export class PhysicalLocationJSON {
  @ApiProperty({ type: LocationPlainJSON }) @IsDefined() @IsObject() @ValidateNested() @Type(() => LocationPlainJSON) physical_location: LocationPlainJSON;
}
