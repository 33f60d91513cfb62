import { type CanActivate, createParamDecorator, type ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { AuthenticatedRequest } from '../../common/auth/current-auth.decorator';
import type { ViewDefinition } from '../views/system-views';
import { ViewsService } from '../views/views.service';
import type { AccountEntity } from './entities/account.entity';
import { AccountsService } from './accounts.service';

/** What the guard resolved: the path's account and, when the path has VIEW_ID, the view. */
export interface AccountOnView {
  account: AccountEntity;
  view: ViewDefinition;
}

type Request = FastifyRequest & AuthenticatedRequest & { accountOnView?: Partial<AccountOnView> };

/**
 * The one account and view-access check (views.md §2) for every /banks/BANK_ID/accounts/ACCOUNT_ID
 * route, after the global access guard (login, bank): the account must exist (404 OBP-30018) and,
 * when the path names a VIEW_ID, the caller must be allowed to use that view (403 OBP-20017).
 */
@Injectable()
export class AccountViewGuard implements CanActivate {
  /** Whether a VIEW_ID in the path is the caller's view (checked) or a target the handler resolves. */
  protected readonly checksView: boolean = true;

  constructor(
    private readonly accounts: AccountsService,
    private readonly views: ViewsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    const params = request.params as Record<string, string>;
    const ref = { bankId: params.BANK_ID, accountId: params.ACCOUNT_ID };
    const account = await this.accounts.getAccount(ref);
    const view = params.VIEW_ID === undefined || !this.checksView ? undefined : await this.views.assertAccess(request.auth, ref, params.VIEW_ID);
    request.accountOnView = { account, view };
    return true;
  }
}

/** The account (and view) AccountViewGuard resolved for this request. */
export const ResolvedAccount = createParamDecorator((_: unknown, context: ExecutionContext): AccountOnView => {
  const resolved = context.switchToHttp().getRequest<Request>().accountOnView;
  if (!resolved?.account) throw new Error('ResolvedAccount used without AccountViewGuard');
  return resolved as AccountOnView;
});

/** The account check alone, for routes whose VIEW_ID names a target view (v1.2.1 permissions). */
@Injectable()
export class AccountGuard extends AccountViewGuard {
  protected readonly checksView = false;
}
