import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In, Repository } from 'typeorm';
import { hasGrant, type AuthContext } from '../../common/auth/auth-context';
import { ObpException } from '../../common/errors/obp.exception';
import { isUniqueViolation } from '../../database/postgres-errors';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { AccountAccessEntity } from './entities/account-access.entity';
import { CustomViewEntity } from './entities/custom-view.entity';
import { allSystemViews, isCustomViewId, systemViewById, type ViewDefinition } from './system-views';
import type { ViewFlag } from './view-permissions';

/** Where a view is used: one account. */
export interface AccountRef {
  bankId: string;
  accountId: string;
}

export function customViewDefinition(row: CustomViewEntity): ViewDefinition {
  return {
    viewId: row.viewId,
    name: row.name,
    description: row.description,
    metadataView: row.metadataView || row.viewId,
    isSystem: false,
    isPublic: row.isPublic,
    isFirehose: row.isFirehose,
    whichAliasToUse: row.whichAliasToUse === 'public' || row.whichAliasToUse === 'private' ? row.whichAliasToUse : '',
    hideMetadataIfAliasUsed: row.hideMetadataIfAliasUsed,
    permissions: new Set(row.permissions as ViewFlag[]),
    canGrantAccessToViews: [],
    canRevokeAccessToViews: [],
  };
}

/**
 * Views and account access (views.md §2): resolving a VIEW_ID on an account, deciding whether a
 * caller may use it, and granting or revoking a user's access.
 */
@Injectable()
export class ViewsService {
  constructor(
    @InjectRepository(CustomViewEntity) private readonly customViews: Repository<CustomViewEntity>,
    @InjectRepository(AccountAccessEntity) private readonly access: Repository<AccountAccessEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get publicViewsAllowed(): boolean {
    return this.config.features.allowPublicViews;
  }

  /** A custom view of the account (ids starting "_"), else a system view; undefined if neither. */
  async findView(account: AccountRef, viewId: string): Promise<ViewDefinition | undefined> {
    if (!isCustomViewId(viewId)) return systemViewById(viewId);
    const row = await this.customViews.findOneBy({ ...account, viewId });
    return row ? customViewDefinition(row) : undefined;
  }

  /**
   * The view if the caller may use it on the account, else 403 OBP-20017 (also for unknown views,
   * as OBP). Public views need OBP_ALLOW_PUBLIC_VIEWS; the firehose view needs
   * OBP_ALLOW_ACCOUNT_FIREHOSE plus a firehose role; anything else needs an account-access row.
   */
  async assertAccess(auth: AuthContext | undefined, account: AccountRef, viewId: string): Promise<ViewDefinition> {
    const view = await this.findView(account, viewId);
    if (view && (await this.mayUse(auth, account, view))) return view;
    if (!auth) throw ObpException.of('UserNotLoggedIn');
    throw ObpException.of('UserNoPermissionAccessView', `Current ViewId is ${viewId}`);
  }

  private async mayUse(auth: AuthContext | undefined, account: AccountRef, view: ViewDefinition): Promise<boolean> {
    if (view.isPublic && this.config.features.allowPublicViews) return true;
    if (!auth) return false;
    if (view.isFirehose && view.isSystem && this.config.features.allowAccountFirehose && this.holdsFirehoseRole(auth, account.bankId)) return true;
    return this.access.existsBy({ ...account, viewId: view.viewId, userId: auth.user.userId });
  }

  private holdsFirehoseRole(auth: AuthContext, bankId: string): boolean {
    return hasGrant(auth, '', 'CanUseAccountFirehoseAtAnyBank') || hasGrant(auth, bankId, 'CanUseAccountFirehose');
  }

  /** The views a user has been granted on an account (system and custom), in grant order. */
  async grantedViews(userId: string, account: AccountRef): Promise<ViewDefinition[]> {
    const rows = await this.access.find({ where: { ...account, userId }, order: { createdAt: 'ASC', viewId: 'ASC' } });
    return this.definitions(
      account,
      rows.map((row) => row.viewId),
    );
  }

  /** Every view that exists for an account: the system views, then the account's custom views. */
  async viewsOfAccount(account: AccountRef): Promise<ViewDefinition[]> {
    const custom = await this.customViews.find({ where: account, order: { viewId: 'ASC' } });
    return [...allSystemViews(), ...custom.map(customViewDefinition)];
  }

  /** Definitions for view ids of one account, keeping their order; unknown ids are skipped. */
  async definitions(account: AccountRef, viewIds: string[]): Promise<ViewDefinition[]> {
    const customIds = viewIds.filter(isCustomViewId);
    const custom = customIds.length ? await this.customViews.findBy({ ...account, viewId: In(customIds) }) : [];
    const customById = new Map(custom.map((row) => [row.viewId, customViewDefinition(row)]));
    return viewIds.map((id) => (isCustomViewId(id) ? customById.get(id) : systemViewById(id))).filter((view): view is ViewDefinition => !!view);
  }

  /** A new custom view on the account; the id is the name without spaces, lower-cased (as OBP). */
  async createCustomView(
    account: AccountRef,
    input: Omit<CustomViewEntity, 'bankId' | 'accountId' | 'viewId' | 'createdAt' | 'account'>,
  ): Promise<ViewDefinition> {
    if (input.isPublic && !this.config.features.allowPublicViews) throw ObpException.of('PublicViewsNotAllowedOnThisInstance');
    const viewId = input.name.replace(/ /g, '').toLowerCase();
    try {
      await this.customViews.insert({ ...account, viewId, ...input });
    } catch (error) {
      if (isUniqueViolation(error)) throw ObpException.of('ViewAlreadyExists', `VIEW_ID = ${viewId}`);
      throw error;
    }
    return (await this.findView(account, viewId)) as ViewDefinition;
  }

  /** Grants are idempotent: one row per account, view and user. */
  async grant(userId: string, account: AccountRef, viewIds: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<void> {
    if (viewIds.length === 0) return;
    await manager
      .createQueryBuilder()
      .insert()
      .into(AccountAccessEntity)
      .values(viewIds.map((viewId) => ({ ...account, viewId, userId, consumerId: 'ALL_CONSUMERS' })))
      .orIgnore()
      .execute();
  }

  async revoke(userId: string, account: AccountRef, viewId: string): Promise<void> {
    await this.access.delete({ ...account, viewId, userId });
  }

  /**
   * Whether any of the caller's views on the account lets them grant (or revoke) `targetViewId`:
   * system targets must be listed in the view's can_grant/revoke list, custom targets need
   * can_grant/revoke_access_to_custom_views.
   */
  async mayManageAccess(auth: AuthContext, account: AccountRef, targetViewId: string, action: 'grant' | 'revoke'): Promise<boolean> {
    const views = await this.grantedViews(auth.user.userId, account);
    const customFlag: ViewFlag = action === 'grant' ? 'can_grant_access_to_custom_views' : 'can_revoke_access_to_custom_views';
    return views.some((view) =>
      isCustomViewId(targetViewId)
        ? view.permissions.has(customFlag)
        : (action === 'grant' ? view.canGrantAccessToViews : view.canRevokeAccessToViews).includes(targetViewId),
    );
  }
}
