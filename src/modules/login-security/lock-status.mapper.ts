import { formatObpDate } from '../../common/http/obp-date';
import type { LockStatusRow } from './account-lock.repository';
import type { BadLoginStatusJson, UserLockStatusJson } from './dto/lock-status.json';

export function toBadLoginStatusJson(row: LockStatusRow): BadLoginStatusJson {
  return {
    username: row.username,
    bad_attempts_since_last_success_or_reset: row.bad_login_attempts,
    last_failure_date: formatObpDate(new Date(row.last_failure_at ?? row.created_at)),
  };
}

export function toUserLockStatusJson(locked: { user_id: string; locked_at: Date }): UserLockStatusJson {
  return { user_id: locked.user_id, type_of_lock: 'lock_via_api', last_lock_date: formatObpDate(new Date(locked.locked_at)) };
}
