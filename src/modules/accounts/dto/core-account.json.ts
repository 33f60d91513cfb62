import { ApiProperty } from '@nestjs/swagger';
import { AccountRoutingJsonV121, AmountOfMoneyJsonV121 } from './create-account.json';

// Response shapes of the core account reads OBP-CLI uses (accounts-held, my account), named as OBP names them.

export class CoreAccountHeldJsonV300 {
  @ApiProperty({ example: '8ca8a7e4-6d02-40e3-a129-0b2bf89de9f0' }) id: string;
  @ApiProperty({ example: 'My Account' }) label: string;
  @ApiProperty({ example: 'gh.29.uk' }) bank_id: string;
  @ApiProperty({ example: '546387432' }) number: string;
  @ApiProperty({ type: [AccountRoutingJsonV121] }) account_routings: AccountRoutingJsonV121[];
}

export class CoreAccountsHeldJsonV300 {
  @ApiProperty({ type: [CoreAccountHeldJsonV300] }) accounts: CoreAccountHeldJsonV300[];
}

export class AccountOwnerJsonV121 {
  @ApiProperty({ example: '5995d6a2-01b3-423c-a173-5481df49bdaf' }) id: string;
  @ApiProperty({ example: 'http://127.0.0.1:8080' }) provider: string;
  @ApiProperty({ example: 'robert.x.0.gh' }) display_name: string;
}

export class ModeratedCoreAccountJSON {
  @ApiProperty({ example: '8ca8a7e4-6d02-48e3-a029-0b2bf89de9f0' }) id: string;
  @ApiProperty({ example: 'My Account' }) label: string;
  @ApiProperty({ example: '546387432' }) number: string;
  @ApiProperty({ type: [AccountOwnerJsonV121] }) owners: AccountOwnerJsonV121[];
  @ApiProperty({ example: 'CURRENT' }) type: string;
  @ApiProperty({ type: AmountOfMoneyJsonV121 }) balance: AmountOfMoneyJsonV121;
  @ApiProperty({ type: String, example: 'GR1301720530005053000582373', nullable: true }) IBAN: string | null;
  @ApiProperty({ example: null, nullable: true, type: String }) swift_bic: string | null;
  @ApiProperty({ example: 'gh.29.uk' }) bank_id: string;
  @ApiProperty({ type: AccountRoutingJsonV121 }) account_routing: AccountRoutingJsonV121;
}

export class ViewBasicJsonV300 {
  @ApiProperty({ example: 'owner' }) id: string;
  @ApiProperty({ example: 'Owner' }) short_name: string;
  @ApiProperty({ example: 'This view is for the owner for the account.' }) description: string;
  @ApiProperty({ example: false }) is_public: boolean;
}

export class NewModeratedCoreAccountJsonV300 {
  @ApiProperty({ example: '8ca8a7e4-6d02-40e3-a129-0b2bf89de9f0' }) id: string;
  @ApiProperty({ example: 'gh.29.uk' }) bank_id: string;
  @ApiProperty({ example: 'My Account' }) label: string;
  @ApiProperty({ example: '546387432' }) number: string;
  @ApiProperty({ type: [AccountOwnerJsonV121] }) owners: AccountOwnerJsonV121[];
  @ApiProperty({ example: 'CURRENT' }) type: string;
  @ApiProperty({ type: AmountOfMoneyJsonV121 }) balance: AmountOfMoneyJsonV121;
  @ApiProperty({ type: [AccountRoutingJsonV121] }) account_routings: AccountRoutingJsonV121[];
  @ApiProperty({ type: [ViewBasicJsonV300] }) views_basic: ViewBasicJsonV300[];
}

export class ModeratedCoreAccountJsonV400 {
  @ApiProperty({ example: '8ca8a7e4-6d02-40e3-a129-0b2bf89de9f0' }) id: string;
  @ApiProperty({ example: 'gh.29.uk' }) bank_id: string;
  @ApiProperty({ example: 'My Account' }) label: string;
  @ApiProperty({ example: '546387432' }) number: string;
  @ApiProperty({ example: 'CURRENT' }) product_code: string;
  @ApiProperty({ type: AmountOfMoneyJsonV121 }) balance: AmountOfMoneyJsonV121;
  @ApiProperty({ type: [AccountRoutingJsonV121] }) account_routings: AccountRoutingJsonV121[];
  @ApiProperty({ example: ['owner'], type: [String] }) views_basic: string[];
}
