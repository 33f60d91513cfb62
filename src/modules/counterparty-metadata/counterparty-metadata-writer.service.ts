import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { AuthContext } from '../../common/auth/auth-context';
import { ObpException } from '../../common/errors/obp.exception';
import { isUniqueViolation } from '../../database/postgres-errors';
import { CounterpartyMetadataEntity } from '../counterparties/entities/counterparty-metadata.entity';
import { holderLabel, type OtherAccount } from '../counterparties/other-account.mapper';
import { OtherAccountsService } from '../counterparties/other-accounts.service';
import type { AccountOnView } from '../accounts/account-view.guard';
import type { ViewDefinition } from '../views/system-views';
import { assertViewFlag } from '../views/view-flag';
import type { ViewFlag } from '../views/view-permissions';
import { CounterpartyLocationEntity } from './entities/counterparty-location.entity';

/** The text fields of counterparty metadata, by column. */
export type MetadataField = 'publicAlias' | 'privateAlias' | 'moreInfo' | 'url' | 'imageUrl' | 'openCorporatesUrl';
export type LocationKind = 'corporate' | 'physical';

const PUBLIC_ALIAS_CONSTRAINT = 'counterparty_metadata_account_alias_key';

/**
 * Counterparty metadata through a view (views.md §3-§4, checks of §6): the counterparty must be one
 * of the account's (400 OBP-50200), the view must see other-account metadata and not hide it behind
 * an alias, and have the operation's flag (400 OBP-30022 naming it). Metadata is one row per
 * counterparty, shared by every view; deleting a text field stores "" (read back as null).
 */
@Injectable()
export class CounterpartyMetadataWriter {
  constructor(
    private readonly others: OtherAccountsService,
    @InjectRepository(CounterpartyMetadataEntity) private readonly metadata: Repository<CounterpartyMetadataEntity>,
    @InjectRepository(CounterpartyLocationEntity) private readonly locations: Repository<CounterpartyLocationEntity>,
  ) {}

  /** The counterparty, after the checks every endpoint shares and the operation's own flag. */
  async check({ account, view }: AccountOnView, counterpartyId: string, flag?: ViewFlag): Promise<OtherAccount> {
    const other = await this.others.get({ bankId: account.bankId, accountId: account.accountId }, view, counterpartyId);
    assertViewFlag(view, 'can_see_other_account_metadata');
    if (view.hideMetadataIfAliasUsed && holderLabel(view, other).is_alias) {
      throw ObpException.of('NoViewPermission', `can_see_other_account_metadata. The view hides metadata behind the alias. Current ViewId(${view.viewId})`);
    }
    if (flag) assertViewFlag(view, flag);
    return other;
  }

  async setField(other: OtherAccount, field: MetadataField, value: string): Promise<void> {
    try {
      await this.metadata.update({ counterpartyId: other.counterpartyId }, { [field]: value });
    } catch (error) {
      // Public aliases are unique per account (a unique index): another counterparty's alias is a
      // bad value, not a server error (found by the fuzz test: it was a 500).
      if (isUniqueViolation(error, PUBLIC_ALIAS_CONSTRAINT)) {
        throw ObpException.of('InvalidJsonValue', 'alias: another counterparty of this account already has this public alias.');
      }
      throw error;
    }
  }

  async setLocation(other: OtherAccount, kind: LocationKind, auth: AuthContext, latitude: number, longitude: number): Promise<void> {
    await this.locations.upsert({ counterpartyId: other.counterpartyId, kind, latitude, longitude, userId: auth.user.userId, updatedAt: new Date() }, [
      'counterpartyId',
      'kind',
    ]);
  }

  async deleteLocation(other: OtherAccount, kind: LocationKind): Promise<void> {
    const result = await this.locations.delete({ counterpartyId: other.counterpartyId, kind });
    if (!result.affected) throw ObpException.of('MetadataItemNotFound', `${kind} location of counterparty ${other.counterpartyId}`);
  }

  /** Reads one alias: the view needs its can_see flag. */
  alias(view: ViewDefinition, other: OtherAccount, which: 'public' | 'private'): string | null {
    assertViewFlag(view, which === 'public' ? 'can_see_public_alias' : 'can_see_private_alias');
    const value = which === 'public' ? other.metadata?.publicAlias : other.metadata?.privateAlias;
    return value || null;
  }
}
