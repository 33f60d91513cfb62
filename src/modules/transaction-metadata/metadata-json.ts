import { formatObpDate } from '../../common/http/obp-date';
import type { UserEntity } from '../users/entities/user.entity';

type Json = Record<string, unknown>;

/**
 * The poster of a metadata item: OBP's {id: provider id, provider, display_name}. OBP shows the
 * e-mail address as display_name; this server shows the username, so posting a comment on a public
 * view does not publish the poster's e-mail (docs/COMPATIBILITY.md).
 */
export function metadataUserJson(user: UserEntity | undefined | null): Json | null {
  return user ? { id: user.providerId, provider: user.provider, display_name: user.username } : null;
}

export function locationJson(location: { latitude: number; longitude: number; updatedAt: Date; user?: UserEntity | null } | undefined): Json | null {
  return location
    ? { latitude: location.latitude, longitude: location.longitude, date: formatObpDate(location.updatedAt), user: metadataUserJson(location.user) }
    : null;
}
