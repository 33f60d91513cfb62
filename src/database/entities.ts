import { ServerSecretEntity } from '../modules/auth/entities/server-secret.entity';
import { ServerSettingEntity } from '../modules/identity-provider/entities/server-setting.entity';
import { CustomerEntity } from '../modules/customers/entities/customer.entity';
import { CustomerAttributeEntity } from '../modules/customers/entities/customer-attribute.entity';
import { UserCustomerLinkEntity } from '../modules/customers/entities/user-customer-link.entity';
import { CustomerMessageEntity } from '../modules/customer-messages/entities/customer-message.entity';
import { CrmEventEntity } from '../modules/crm-events/entities/crm-event.entity';
import { CreditLimitRequestEntity } from '../modules/credit-limit-requests/entities/credit-limit-request.entity';
import { AttributeDefinitionEntity } from '../modules/customer-attributes/entities/attribute-definition.entity';
import { CustomerAddressEntity } from '../modules/customer-addresses/entities/customer-address.entity';
import { TaxResidenceEntity } from '../modules/customer-addresses/entities/tax-residence.entity';
import { SocialMediaHandleEntity } from '../modules/customer-addresses/entities/social-media-handle.entity';
import { BankEntity } from '../modules/banks/entities/bank.entity';
import { ConsumerEntity } from '../modules/consumers/entities/consumer.entity';
import { EntitlementEntity } from '../modules/entitlements/entities/entitlement.entity';
import { UserEntity } from '../modules/users/entities/user.entity';
import { EmailValidationTokenEntity } from '../modules/users/entities/email-validation-token.entity';
import { ScopeEntity } from '../modules/consumers/entities/scope.entity';
import { RateLimitEntity } from '../modules/consumers/entities/rate-limit.entity';
import { KycCheckEntity } from '../modules/kyc/entities/kyc-check.entity';
import { KycDocumentEntity } from '../modules/kyc/entities/kyc-document.entity';
import { KycMediaEntity } from '../modules/kyc/entities/kyc-media.entity';
import { KycStatusEntity } from '../modules/kyc/entities/kyc-status.entity';
import { MeetingEntity } from '../modules/meetings/entities/meeting.entity';
import { UserInvitationEntity } from '../modules/user-invitations/entities/user-invitation.entity';
import { AccountEntity } from '../modules/accounts/entities/account.entity';
import { AccountRoutingEntity } from '../modules/accounts/entities/account-routing.entity';
import { AccountHolderEntity } from '../modules/accounts/entities/account-holder.entity';
import { AccountAccessEntity } from '../modules/views/entities/account-access.entity';
import { CustomViewEntity } from '../modules/views/entities/custom-view.entity';
import { TransactionEntity } from '../modules/transactions/entities/transaction.entity';
import { CounterpartyMetadataEntity } from '../modules/counterparties/entities/counterparty-metadata.entity';
import { CounterpartyEntity } from '../modules/counterparties/entities/counterparty.entity';
import { BranchEntity } from '../modules/sandbox/entities/branch.entity';
import { AtmEntity } from '../modules/sandbox/entities/atm.entity';
import { ProductEntity } from '../modules/sandbox/entities/product.entity';
import { TransactionCommentEntity } from '../modules/transaction-metadata/entities/transaction-comment.entity';
import { TransactionTagEntity } from '../modules/transaction-metadata/entities/transaction-tag.entity';
import { TransactionImageEntity } from '../modules/transaction-metadata/entities/transaction-image.entity';
import { TransactionWhereTagEntity } from '../modules/transaction-metadata/entities/transaction-where-tag.entity';
import { TransactionNarrativeEntity } from '../modules/transaction-metadata/entities/transaction-narrative.entity';
import { CounterpartyLocationEntity } from '../modules/counterparty-metadata/entities/counterparty-location.entity';
import { ApiCollectionEntity } from '../modules/api-collections/entities/api-collection.entity';
import { ApiCollectionEndpointEntity } from '../modules/api-collections/entities/api-collection-endpoint.entity';
import { OAuth1TokenEntity } from '../modules/oauth1/entities/oauth1-token.entity';
import { OAuth1NonceEntity } from '../modules/oauth1/entities/oauth1-nonce.entity';

// Every TypeORM entity of the application. The app and the TypeORM CLI share this list, so an
// entity added here is both loaded at run time and seen by `migration:generate`.

export const ALL_ENTITIES: Function[] = [
  UserEntity,
  EmailValidationTokenEntity,
  ConsumerEntity,
  EntitlementEntity,
  BankEntity,
  ServerSecretEntity,
  ServerSettingEntity,
  CustomerEntity,
  UserCustomerLinkEntity,
  CustomerAttributeEntity,
  CustomerMessageEntity,
  CrmEventEntity,
  CreditLimitRequestEntity,
  AttributeDefinitionEntity,
  CustomerAddressEntity,
  TaxResidenceEntity,
  SocialMediaHandleEntity,
  KycDocumentEntity,
  KycCheckEntity,
  KycMediaEntity,
  KycStatusEntity,
  MeetingEntity,
  UserInvitationEntity,
  ScopeEntity,
  RateLimitEntity,
  AccountEntity,
  AccountRoutingEntity,
  AccountHolderEntity,
  AccountAccessEntity,
  CustomViewEntity,
  TransactionEntity,
  CounterpartyMetadataEntity,
  CounterpartyEntity,
  BranchEntity,
  AtmEntity,
  ProductEntity,
  TransactionNarrativeEntity,
  TransactionCommentEntity,
  TransactionTagEntity,
  TransactionImageEntity,
  TransactionWhereTagEntity,
  CounterpartyLocationEntity,
  ApiCollectionEntity,
  ApiCollectionEndpointEntity,
  OAuth1TokenEntity,
  OAuth1NonceEntity,
];
