// Every migration, in order. Listed explicitly (not globbed) so the same list works from
// TypeScript sources (CLI, Jest globalSetup) and compiled dist/ (dist/migrations). After `npm run migration:generate`
// add the new class here.
import { InitialPlatform1763820000000 } from './1763820000000-initial-platform';
import { IdentityAndAccess1795365763059 } from './1795365763059-IdentityAndAccess';
import { Customers1795366438941 } from './1795366438941-Customers';
import { CustomerAttributes1795366571768 } from './1795366571768-CustomerAttributes';
import { CustomerListIndexes1795366900000 } from './1795366900000-CustomerListIndexes';
import { MessagesCrmCreditRequests1795367300000 } from './1795367300000-MessagesCrmCreditRequests';
import { AttributeDefinitions1795367400000 } from './1795367400000-AttributeDefinitions';
import { AddressesTaxSocial1795367500000 } from './1795367500000-AddressesTaxSocial';
import { KycMeetingsInvitations1795367600000 } from './1795367600000-KycMeetingsInvitations';
import { ScopesRateLimits1795367700000 } from './1795367700000-ScopesRateLimits';
import { AccountsViewsTransactions1795367800000 } from './1795367800000-AccountsViewsTransactions';
import { TransactionCounterpartyMetadata1795367900000 } from './1795367900000-TransactionCounterpartyMetadata';
import { CustomerPhoneSearchIndex1795368000000 } from './1795368000000-CustomerPhoneSearchIndex';
import { ServerSettings1795368050000 } from './1795368050000-ServerSettings';
import { ApiCollections1795368100000 } from './1795368100000-ApiCollections';
import { LoginSecurity1795368300000 } from './1795368300000-LoginSecurity';
import { EmailValidation1795368400000 } from './1795368400000-EmailValidation';
import { OAuth11795368500000 } from './1795368500000-OAuth1';
import { InvitationMailSecret1795368600000 } from './1795368600000-InvitationMailSecret';
import { CreationOrder1795368700000 } from './1795368700000-CreationOrder';

export const ALL_MIGRATIONS: Function[] = [
  InitialPlatform1763820000000,
  IdentityAndAccess1795365763059,
  Customers1795366438941,
  CustomerAttributes1795366571768,
  CustomerListIndexes1795366900000,
  MessagesCrmCreditRequests1795367300000,
  AttributeDefinitions1795367400000,
  AddressesTaxSocial1795367500000,
  KycMeetingsInvitations1795367600000,
  ScopesRateLimits1795367700000,
  AccountsViewsTransactions1795367800000,
  TransactionCounterpartyMetadata1795367900000,
  CustomerPhoneSearchIndex1795368000000,
  ServerSettings1795368050000,
  ApiCollections1795368100000,
  LoginSecurity1795368300000,
  EmailValidation1795368400000,
  OAuth11795368500000,
  InvitationMailSecret1795368600000,
  CreationOrder1795368700000,
];
