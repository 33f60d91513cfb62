import { Controller, Param, UseGuards } from '@nestjs/common';
import type { AuthContext } from '../../common/auth/auth-context';
import { CurrentAuth } from '../../common/auth/current-auth.decorator';
import type { HttpVerb, ObpEndpointOptions } from '../../common/endpoint/obp-endpoint.decorator';
import type { ObpErrorName } from '../../common/errors/error-catalogue';
import { AccountViewGuard, ResolvedAccount, type AccountOnView } from '../accounts/account-view.guard';
import { ViewMetadataEndpoint } from '../views/view-metadata-endpoint';
import {
  PostTransactionCommentJSON,
  PostTransactionImageJSON,
  PostTransactionTagJSON,
  PostTransactionWhereJSON,
  SuccessMessageJSON,
  TransactionCommentJSON,
  TransactionImageJSON,
  TransactionNarrativeJSON,
  TransactionTagJSON,
} from './dto/transaction-metadata.json';
import {
  TransactionCommentsJSON,
  TransactionImagesJSON,
  TransactionNarrativeResponseJSON,
  TransactionTagsJSON,
  TransactionWhereJSON,
} from './dto/transaction-metadata-responses.json';
import { commentJson, imageJson, LIST_FLAGS, TransactionMetadataService } from './transaction-metadata.service';
import { ValidBody } from '../../common/http/valid-body';

const BASE = '/banks/BANK_ID/accounts/ACCOUNT_ID/VIEW_ID/transactions/TRANSACTION_ID/metadata';
const CHECKS: ObpErrorName[] = [
  'UserNotLoggedIn',
  'BankNotFound',
  'BankAccountNotFound',
  'UserNoPermissionAccessView',
  'TransactionNotFound',
  'NoViewPermission',
];

/** Every transaction-metadata endpoint: v1.2.1 paths on every version, login always required. */
function Metadata(operation: string, verb: HttpVerb, path: string, summary: string, extra: Partial<ObpEndpointOptions> = {}): MethodDecorator {
  return ViewMetadataEndpoint({
    operation,
    verb,
    path: `${BASE}${path}`,
    summary,
    description:
      "Checks, in order: login (401), bank and account (404), access to the view (403), the transaction (400 OBP-30067), the view's can_see_transaction_metadata and then the operation's own flag (400 OBP-30022 naming it). Items are stored under the view's metadata view.",
    tag: 'Transaction-Metadata',
    checks: verb === 'DELETE' ? [...CHECKS, 'MetadataItemNotFound'] : CHECKS,
    extra,
  });
}

@Controller()
@UseGuards(AccountViewGuard)
export class TransactionMetadataController {
  constructor(private readonly metadata: TransactionMetadataService) {}

  // -- narrative --

  @Metadata('getTransactionNarrative', 'GET', '/narrative', 'Get a Transaction Narrative', { responseBody: TransactionNarrativeResponseJSON })
  async getNarrative(@ResolvedAccount() { account, view }: AccountOnView, @Param('TRANSACTION_ID') id: string) {
    return { narrative: await this.metadata.getNarrative(await this.metadata.check(account, view, id, 'can_see_owner_comment')) };
  }

  @Metadata('addTransactionNarrative', 'POST', '/narrative', 'Add a Transaction Narrative', {
    requestBody: TransactionNarrativeJSON,
    responseBody: SuccessMessageJSON,
  })
  async addNarrative(@ResolvedAccount() { account, view }: AccountOnView, @Param('TRANSACTION_ID') id: string, @ValidBody() body: TransactionNarrativeJSON) {
    await this.metadata.setNarrative(await this.metadata.check(account, view, id, 'can_edit_owner_comment'), body.narrative);
    return { success: 'narrative added' };
  }

  @Metadata('updateTransactionNarrative', 'PUT', '/narrative', 'Update a Transaction Narrative', {
    requestBody: TransactionNarrativeJSON,
    responseBody: SuccessMessageJSON,
  })
  async updateNarrative(@ResolvedAccount() { account, view }: AccountOnView, @Param('TRANSACTION_ID') id: string, @ValidBody() body: TransactionNarrativeJSON) {
    await this.metadata.setNarrative(await this.metadata.check(account, view, id, 'can_edit_owner_comment'), body.narrative);
    return { success: 'narrative updated' };
  }

  @Metadata('deleteTransactionNarrative', 'DELETE', '/narrative', 'Delete a Transaction Narrative')
  async deleteNarrative(@ResolvedAccount() { account, view }: AccountOnView, @Param('TRANSACTION_ID') id: string): Promise<void> {
    await this.metadata.setNarrative(await this.metadata.check(account, view, id, 'can_edit_owner_comment'), '');
  }

  // -- comments --

  @Metadata('getCommentsForViewOnTransaction', 'GET', '/comments', 'Get Transaction Comments', { responseBody: TransactionCommentsJSON })
  async getComments(@ResolvedAccount() { account, view }: AccountOnView, @Param('TRANSACTION_ID') id: string) {
    const target = await this.metadata.check(account, view, id, LIST_FLAGS.comments.see);
    return { comments: (await this.metadata.list(target, 'comments')).map(commentJson) };
  }

  @Metadata('addCommentForViewOnTransaction', 'POST', '/comments', 'Add a Transaction Comment', {
    requestBody: PostTransactionCommentJSON,
    responseBody: TransactionCommentJSON,
  })
  async addComment(
    @CurrentAuth() auth: AuthContext,
    @ResolvedAccount() { account, view }: AccountOnView,
    @Param('TRANSACTION_ID') id: string,
    @ValidBody() body: PostTransactionCommentJSON,
  ) {
    return this.metadata.addComment(await this.metadata.check(account, view, id, LIST_FLAGS.comments.add), auth, body.value);
  }

  @Metadata('deleteCommentForViewOnTransaction', 'DELETE', '/comments/COMMENT_ID', 'Delete a Transaction Comment', {
    description: 'Needs can_see_comments; the poster may delete their own comment, anyone else needs can_delete_comment (400 OBP-30022).',
  })
  async deleteComment(
    @CurrentAuth() auth: AuthContext,
    @ResolvedAccount() { account, view }: AccountOnView,
    @Param('TRANSACTION_ID') id: string,
    @Param('COMMENT_ID') itemId: string,
  ): Promise<void> {
    await this.metadata.deleteItem(await this.metadata.check(account, view, id, LIST_FLAGS.comments.see), auth, 'comments', itemId);
  }

  // -- tags --

  @Metadata('getTagsForViewOnTransaction', 'GET', '/tags', 'Get Transaction Tags', { responseBody: TransactionTagsJSON })
  async getTags(@ResolvedAccount() { account, view }: AccountOnView, @Param('TRANSACTION_ID') id: string) {
    const target = await this.metadata.check(account, view, id, LIST_FLAGS.tags.see);
    return { tags: (await this.metadata.list(target, 'tags')).map(commentJson) };
  }

  @Metadata('addTagForViewOnTransaction', 'POST', '/tags', 'Add a Transaction Tag', { requestBody: PostTransactionTagJSON, responseBody: TransactionTagJSON })
  async addTag(
    @CurrentAuth() auth: AuthContext,
    @ResolvedAccount() { account, view }: AccountOnView,
    @Param('TRANSACTION_ID') id: string,
    @ValidBody() body: PostTransactionTagJSON,
  ) {
    return this.metadata.addTag(await this.metadata.check(account, view, id, LIST_FLAGS.tags.add), auth, body.value);
  }

  @Metadata('deleteTagForViewOnTransaction', 'DELETE', '/tags/TAG_ID', 'Delete a Transaction Tag', {
    description: 'Needs can_see_tags; the poster may delete their own tag, anyone else needs can_delete_tag (400 OBP-30022).',
  })
  async deleteTag(
    @CurrentAuth() auth: AuthContext,
    @ResolvedAccount() { account, view }: AccountOnView,
    @Param('TRANSACTION_ID') id: string,
    @Param('TAG_ID') itemId: string,
  ): Promise<void> {
    await this.metadata.deleteItem(await this.metadata.check(account, view, id, LIST_FLAGS.tags.see), auth, 'tags', itemId);
  }

  // -- images --

  @Metadata('getImagesForViewOnTransaction', 'GET', '/images', 'Get Transaction Images', { responseBody: TransactionImagesJSON })
  async getImages(@ResolvedAccount() { account, view }: AccountOnView, @Param('TRANSACTION_ID') id: string) {
    const target = await this.metadata.check(account, view, id, LIST_FLAGS.images.see);
    return { images: (await this.metadata.list(target, 'images')).map(imageJson) };
  }

  @Metadata('addImageForViewOnTransaction', 'POST', '/images', 'Add a Transaction Image', {
    requestBody: PostTransactionImageJSON,
    responseBody: TransactionImageJSON,
  })
  async addImage(
    @CurrentAuth() auth: AuthContext,
    @ResolvedAccount() { account, view }: AccountOnView,
    @Param('TRANSACTION_ID') id: string,
    @ValidBody() body: PostTransactionImageJSON,
  ) {
    return this.metadata.addImage(await this.metadata.check(account, view, id, LIST_FLAGS.images.add), auth, body.label, body.URL);
  }

  @Metadata('deleteImageForViewOnTransaction', 'DELETE', '/images/IMAGE_ID', 'Delete a Transaction Image', {
    description: 'Needs can_see_images; the poster may delete their own image, anyone else needs can_delete_image (400 OBP-30022).',
  })
  async deleteImage(
    @CurrentAuth() auth: AuthContext,
    @ResolvedAccount() { account, view }: AccountOnView,
    @Param('TRANSACTION_ID') id: string,
    @Param('IMAGE_ID') itemId: string,
  ): Promise<void> {
    await this.metadata.deleteItem(await this.metadata.check(account, view, id, LIST_FLAGS.images.see), auth, 'images', itemId);
  }

  // -- where tag --

  @Metadata('getWhereTagForViewOnTransaction', 'GET', '/where', 'Get a Transaction where Tag', { responseBody: TransactionWhereJSON })
  async getWhere(@ResolvedAccount() { account, view }: AccountOnView, @Param('TRANSACTION_ID') id: string) {
    return { where: await this.metadata.getWhere(await this.metadata.check(account, view, id, 'can_see_where_tag')) };
  }

  @Metadata('addWhereTagForViewOnTransaction', 'POST', '/where', 'Add a Transaction where Tag', {
    requestBody: PostTransactionWhereJSON,
    responseBody: SuccessMessageJSON,
  })
  async addWhere(
    @CurrentAuth() auth: AuthContext,
    @ResolvedAccount() { account, view }: AccountOnView,
    @Param('TRANSACTION_ID') id: string,
    @ValidBody() body: PostTransactionWhereJSON,
  ) {
    await this.metadata.setWhere(await this.metadata.check(account, view, id, 'can_add_where_tag'), auth, body.where.latitude, body.where.longitude);
    return { success: 'where tag added' };
  }

  @Metadata('updateWhereTagForViewOnTransaction', 'PUT', '/where', 'Update a Transaction where Tag', {
    requestBody: PostTransactionWhereJSON,
    responseBody: SuccessMessageJSON,
  })
  async updateWhere(
    @CurrentAuth() auth: AuthContext,
    @ResolvedAccount() { account, view }: AccountOnView,
    @Param('TRANSACTION_ID') id: string,
    @ValidBody() body: PostTransactionWhereJSON,
  ) {
    await this.metadata.setWhere(await this.metadata.check(account, view, id, 'can_add_where_tag'), auth, body.where.latitude, body.where.longitude);
    return { success: 'where tag updated' };
  }

  @Metadata('deleteWhereTagForViewOnTransaction', 'DELETE', '/where', 'Delete a Transaction where Tag', {
    description: 'Needs can_see_where_tag; the poster may delete their own where tag, anyone else needs can_delete_where_tag (400 OBP-30022).',
  })
  async deleteWhere(@CurrentAuth() auth: AuthContext, @ResolvedAccount() { account, view }: AccountOnView, @Param('TRANSACTION_ID') id: string): Promise<void> {
    await this.metadata.deleteWhere(await this.metadata.check(account, view, id, 'can_see_where_tag'), auth);
  }
}
