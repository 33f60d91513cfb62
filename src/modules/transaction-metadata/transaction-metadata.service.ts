import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository } from 'typeorm';
import type { AuthContext } from '../../common/auth/auth-context';
import { ObpException } from '../../common/errors/obp.exception';
import { formatObpDate } from '../../common/http/obp-date';
import type { AccountEntity } from '../accounts/entities/account.entity';
import { TransactionEntity } from '../transactions/entities/transaction.entity';
import type { ViewDefinition } from '../views/system-views';
import { assertViewFlag } from '../views/view-flag';
import type { ViewFlag } from '../views/view-permissions';
import { TransactionCommentEntity } from './entities/transaction-comment.entity';
import { TransactionImageEntity } from './entities/transaction-image.entity';
import { TransactionNarrativeEntity } from './entities/transaction-narrative.entity';
import { TransactionTagEntity } from './entities/transaction-tag.entity';
import { TransactionWhereTagEntity } from './entities/transaction-where-tag.entity';
import { locationJson, metadataUserJson } from './metadata-json';

type Json = Record<string, unknown>;

/** The transaction a metadata call is about, and the view (and metadata view) it goes through. */
export interface MetadataTarget {
  bankId: string;
  accountId: string;
  transactionId: string;
  view: ViewDefinition;
}

export type ListKind = 'comments' | 'tags' | 'images';

export const LIST_FLAGS: Record<ListKind, { see: ViewFlag; add: ViewFlag; remove: ViewFlag }> = {
  comments: { see: 'can_see_comments', add: 'can_add_comment', remove: 'can_delete_comment' },
  tags: { see: 'can_see_tags', add: 'can_add_tag', remove: 'can_delete_tag' },
  images: { see: 'can_see_images', add: 'can_add_image', remove: 'can_delete_image' },
};

export function commentJson(row: TransactionCommentEntity | TransactionTagEntity): Json {
  return { id: 'commentId' in row ? row.commentId : row.tagId, value: row.value, date: formatObpDate(row.createdAt), user: metadataUserJson(row.user) };
}

export function imageJson(row: TransactionImageEntity): Json {
  return { id: row.imageId, label: row.label, URL: row.url, date: formatObpDate(row.createdAt), user: metadataUserJson(row.user) };
}

/**
 * Narrative, comments, tags, images and where tags of transactions (views.md §5-§6). Every call
 * first checks, in OBP's order: the transaction exists (400 OBP-30067), the view may see
 * transaction metadata, then the flag of the operation (400 OBP-30022 naming it). Items are stored
 * under the view's metadata view; the narrative is shared by all views. Posters may delete their
 * own items without the view's delete flag (OBP's documented intent).
 */
@Injectable()
export class TransactionMetadataService {
  constructor(
    @InjectRepository(TransactionEntity) private readonly transactions: Repository<TransactionEntity>,
    @InjectRepository(TransactionNarrativeEntity) private readonly narratives: Repository<TransactionNarrativeEntity>,
    @InjectRepository(TransactionCommentEntity) private readonly comments: Repository<TransactionCommentEntity>,
    @InjectRepository(TransactionTagEntity) private readonly tags: Repository<TransactionTagEntity>,
    @InjectRepository(TransactionImageEntity) private readonly images: Repository<TransactionImageEntity>,
    @InjectRepository(TransactionWhereTagEntity) private readonly whereTags: Repository<TransactionWhereTagEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** The common checks; `flag` is the operation's own flag. */
  async check(account: AccountEntity, view: ViewDefinition, transactionId: string, flag: ViewFlag): Promise<MetadataTarget> {
    const target = { bankId: account.bankId, accountId: account.accountId, transactionId, view };
    if (!(await this.transactions.existsBy({ bankId: target.bankId, accountId: target.accountId, transactionId }))) {
      throw ObpException.of('TransactionNotFound', `Current TRANSACTION_ID = ${transactionId.slice(0, 64)}`);
    }
    assertViewFlag(view, 'can_see_transaction_metadata');
    assertViewFlag(view, flag);
    return target;
  }

  // -- narrative: one per transaction, whatever the view --

  async getNarrative(target: MetadataTarget): Promise<string | null> {
    const row = await this.narratives.findOneBy(key(target));
    return row?.narrative || null;
  }

  /** Setting "" deletes, as OBP. */
  async setNarrative(target: MetadataTarget, narrative: string): Promise<void> {
    if (narrative === '') {
      await this.narratives.delete(key(target));
      return;
    }
    await this.narratives.upsert({ ...key(target), narrative }, ['bankId', 'accountId', 'transactionId']);
  }

  // -- comments, tags, images: lists per metadata view --

  async list(target: MetadataTarget, kind: 'comments' | 'tags'): Promise<(TransactionCommentEntity | TransactionTagEntity)[]>;
  async list(target: MetadataTarget, kind: 'images'): Promise<TransactionImageEntity[]>;
  async list(target: MetadataTarget, kind: ListKind) {
    return this.repository(kind).find({
      where: { ...key(target), viewId: target.view.metadataView },
      relations: { user: true },
      order: { createdAt: 'ASC', creationSeq: 'ASC' },
    });
  }

  async addComment(target: MetadataTarget, auth: AuthContext, value: string): Promise<Json> {
    const commentId = randomUUID();
    await this.comments.insert({ ...item(target, auth), commentId, value });
    return commentJson((await this.comments.findOne({ where: { commentId }, relations: { user: true } })) as TransactionCommentEntity);
  }

  async addTag(target: MetadataTarget, auth: AuthContext, value: string): Promise<Json> {
    const tagId = randomUUID();
    await this.tags.insert({ ...item(target, auth), tagId, value });
    return commentJson((await this.tags.findOne({ where: { tagId }, relations: { user: true } })) as TransactionTagEntity);
  }

  async addImage(target: MetadataTarget, auth: AuthContext, label: string, url: string): Promise<Json> {
    const imageId = randomUUID();
    await this.images.insert({ ...item(target, auth), imageId, label, url });
    return imageJson((await this.images.findOne({ where: { imageId }, relations: { user: true } })) as TransactionImageEntity);
  }

  /**
   * Deletes a comment, tag or image visible through this view (see flag already checked): the
   * poster may always; anyone else needs the view's delete flag.
   */
  async deleteItem(target: MetadataTarget, auth: AuthContext, kind: ListKind, itemId: string): Promise<void> {
    const idColumn = kind === 'comments' ? 'commentId' : kind === 'tags' ? 'tagId' : 'imageId';
    const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(itemId);
    const repository = this.repository(kind);
    const row = isUuid ? await repository.findOneBy({ ...key(target), viewId: target.view.metadataView, [idColumn]: itemId }) : null;
    if (!row) throw ObpException.of('MetadataItemNotFound', `${kind.slice(0, -1)} ${itemId.slice(0, 64)} of transaction ${target.transactionId}`);
    if (row.userId !== auth.user.userId) assertViewFlag(target.view, LIST_FLAGS[kind].remove);
    await repository.delete({ [idColumn]: itemId });
  }

  // -- where tag: at most one per transaction and metadata view --

  async getWhere(target: MetadataTarget): Promise<Json | null> {
    const row = await this.whereTags.findOne({ where: { ...key(target), viewId: target.view.metadataView }, relations: { user: true } });
    return row ? locationJson(row) : null;
  }

  async setWhere(target: MetadataTarget, auth: AuthContext, latitude: number, longitude: number): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO transaction_where_tags (where_tag_id, bank_id, account_id, transaction_id, view_id, user_id, latitude, longitude)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (bank_id, account_id, transaction_id, view_id)
       DO UPDATE SET user_id = EXCLUDED.user_id, latitude = EXCLUDED.latitude, longitude = EXCLUDED.longitude, updated_at = now()`,
      [randomUUID(), target.bankId, target.accountId, target.transactionId, target.view.metadataView, auth.user.userId, latitude, longitude],
    );
  }

  async deleteWhere(target: MetadataTarget, auth: AuthContext): Promise<void> {
    const row = await this.whereTags.findOneBy({ ...key(target), viewId: target.view.metadataView });
    if (!row) throw ObpException.of('MetadataItemNotFound', `where tag of transaction ${target.transactionId}`);
    if (row.userId !== auth.user.userId) assertViewFlag(target.view, 'can_delete_where_tag');
    await this.whereTags.delete({ whereTagId: row.whereTagId });
  }

  /**
   * The metadata part of many transactions' JSON, moderated by the view, in five queries whatever
   * the number of transactions (no N+1).
   */
  async summaries(account: AccountEntity, view: ViewDefinition, transactionIds: string[]): Promise<Map<string, Json>> {
    const result = new Map<string, Json>();
    if (transactionIds.length === 0 || !view.permissions.has('can_see_transaction_metadata')) return result;
    const where = { bankId: account.bankId, accountId: account.accountId, transactionId: In(transactionIds) };
    const inView = { ...where, viewId: view.metadataView };
    const [narratives, comments, tags, images, whereTags] = await Promise.all([
      this.narratives.findBy(where),
      this.comments.find({ where: inView, relations: { user: true }, order: { createdAt: 'ASC', creationSeq: 'ASC' } }),
      this.tags.find({ where: inView, relations: { user: true }, order: { createdAt: 'ASC', creationSeq: 'ASC' } }),
      this.images.find({ where: inView, relations: { user: true }, order: { createdAt: 'ASC', creationSeq: 'ASC' } }),
      this.whereTags.find({ where: inView, relations: { user: true } }),
    ]);
    const can = (flag: ViewFlag) => view.permissions.has(flag);
    for (const id of transactionIds) {
      result.set(id, {
        narrative: can('can_see_owner_comment') ? narratives.find((row) => row.transactionId === id)?.narrative || null : null,
        comments: can('can_see_comments') ? comments.filter((row) => row.transactionId === id).map(commentJson) : [],
        tags: can('can_see_tags') ? tags.filter((row) => row.transactionId === id).map(commentJson) : [],
        images: can('can_see_images') ? images.filter((row) => row.transactionId === id).map(imageJson) : [],
        where: can('can_see_where_tag') ? locationJson(whereTags.find((row) => row.transactionId === id)) : null,
      });
    }
    return result;
  }

  private repository(kind: ListKind): Repository<TransactionCommentEntity | TransactionTagEntity | TransactionImageEntity> {
    return (kind === 'comments' ? this.comments : kind === 'tags' ? this.tags : this.images) as Repository<
      TransactionCommentEntity | TransactionTagEntity | TransactionImageEntity
    >;
  }
}

function key(target: MetadataTarget) {
  return { bankId: target.bankId, accountId: target.accountId, transactionId: target.transactionId };
}

function item(target: MetadataTarget, auth: AuthContext) {
  return { ...key(target), viewId: target.view.metadataView, userId: auth.user.userId };
}
