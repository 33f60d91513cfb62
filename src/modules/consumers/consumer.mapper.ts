import { formatObpDate } from '../../common/http/obp-date';
import type { UserEntity } from '../users/entities/user.entity';
import type { ConsumerJSON, ConsumerJsonV310, ConsumerJsonV400, CreatedByUserJson } from './dto/consumer.json';
import type { ConsumerEntity } from './entities/consumer.entity';

function createdByUser(user: UserEntity | undefined): CreatedByUserJson {
  return user
    ? { user_id: user.userId, email: user.email, provider_id: user.providerId, provider: user.provider, username: user.username }
    : { user_id: '', email: '', provider_id: '', provider: '', username: '' };
}

export function toConsumerJsonV310(consumer: ConsumerEntity, creator: UserEntity | undefined): ConsumerJsonV310 {
  return {
    consumer_id: consumer.consumerId,
    app_name: consumer.appName,
    app_type: consumer.appType,
    description: consumer.description,
    developer_email: consumer.developerEmail,
    redirect_url: consumer.redirectUrl,
    created_by_user: createdByUser(creator),
    enabled: consumer.enabled,
    created: formatObpDate(consumer.createdAt),
  };
}

/** OBP's consumerJSON: adds created_by_user_id. */
export function toConsumerJson(consumer: ConsumerEntity, creator: UserEntity | undefined): ConsumerJSON {
  const { created_by_user, enabled, created, ...rest } = toConsumerJsonV310(consumer, creator);
  return { ...rest, created_by_user_id: consumer.createdByUserId ?? '', created_by_user, enabled, created };
}

/** v2.1.0-v3.0.0 identify consumers by OBP's numeric primary key. */
export function toConsumerJsonV210(consumer: ConsumerEntity, creator: UserEntity | undefined): Omit<ConsumerJSON, 'consumer_id'> & { consumer_id: number } {
  return { ...toConsumerJson(consumer, creator), consumer_id: consumer.id };
}

/** At creation only: with the key and the secret in clear. */
export function toConsumerJsonV400(consumer: ConsumerEntity, creator: UserEntity | undefined, secret: string): ConsumerJsonV400 {
  const { consumer_id, ...rest } = toConsumerJson(consumer, creator);
  return { consumer_id, key: consumer.key, secret, ...rest, client_certificate: consumer.clientCertificate ?? '' };
}
