import { ObpException } from '../../common/errors/obp.exception';
import type { ViewDefinition } from './system-views';
import type { ViewFlag } from './view-permissions';

/** 400 OBP-30022 naming the flag actually checked (views.md §3, §6), unless the view has it. */
export function assertViewFlag(view: ViewDefinition, flag: ViewFlag, status = 400): void {
  if (!view.permissions.has(flag)) throw ObpException.of('NoViewPermission', `${flag}. Current ViewId(${view.viewId})`, status);
}
