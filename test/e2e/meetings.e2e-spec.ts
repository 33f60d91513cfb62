import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { since } from '../../src/common/versioning/api-versions';
import { createBank, createConsumer, grantRole, signUpAndLogin, uniqueName, type TestUser } from '../support/identity';
import { expectObpError } from '../support/obp-assertions';
import { createTestApp } from '../support/test-app';
import { TestMailbox, validationLinkIn } from '../support/mailbox';

describe('Meetings (e2e, behaviours §10)', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<NestFastifyApplication['getHttpServer']>;
  let consumerKey: string;
  let bank: string;
  let mailbox: TestMailbox;

  const contact = (name: string, email: string) => ({ name, mobile_phone: '+44 07972 444 876', email_address: email });
  const meetingBody = (inviteeEmail = 'nobody@example.com') => ({
    provider_id: 'Chris',
    purpose_id: 'onboarding',
    date: '2026-12-01T10:00:00Z',
    creator: contact('Simon', 'simon@example.com'),
    invitees: [{ contact_details: contact('Invitee', inviteeEmail), status: 'Good' }],
  });

  beforeAll(async () => {
    mailbox = await TestMailbox.start();
    app = await createTestApp({ env: { SMTP_URL: mailbox.smtpUrl } });
    http = app.getHttpServer();
    consumerKey = (await createConsumer(app)).key;
    bank = await createBank(app);
  });

  afterAll(async () => {
    await app.close();
    await mailbox.close();
  });

  describe.each(since('3.1.0').map((v) => [v]))('v%s', (version) => {
    const meetings = (bankId: string) => `/obp/v${version}/banks/${bankId}/meetings`;
    let creator: TestUser;

    beforeAll(async () => {
      creator = await signUpAndLogin(app, consumerKey);
    });

    it('401 anonymous on create, list and get', async () => {
      expectObpError(await request(http).post(meetings(bank)).send(meetingBody()), 401, 'OBP-20001');
      expectObpError(await request(http).get(meetings(bank)), 401, 'OBP-20001');
      expectObpError(await request(http).get(`${meetings(bank)}/x`), 401, 'OBP-20001');
    });

    it('400 naming CreateMeetingJson for a wrong body (an invitee object), 404 unknown bank', async () => {
      const wrong = await request(http).post(meetings(bank)).set(creator.auth).send(meetingBody().invitees[0]);
      expectObpError(wrong, 400, 'OBP-10001');
      expect(wrong.body.message.startsWith('OBP-10001: Incorrect json format. The Json body should be the CreateMeetingJson ')).toBe(true);
      expectObpError(
        await request(http)
          .post(meetings(bank))
          .set(creator.auth)
          .send({ ...meetingBody(), date: '2026-12-01' }),
        400,
        'OBP-10001',
      );
      expectObpError(
        await request(http)
          .post(meetings(bank))
          .set(creator.auth)
          .send({ ...meetingBody(), invitees: [{ status: 'x' }] }),
        400,
        'OBP-10001',
      );
      expectObpError(
        await request(http)
          .post(meetings(uniqueName('nob')))
          .set(creator.auth)
          .send(meetingBody()),
        404,
        'OBP-30001',
      );
      expectObpError(
        await request(http)
          .get(meetings(uniqueName('nob')))
          .set(creator.auth),
        404,
        'OBP-30001',
      );
    });

    it('201 with the caller present and random keys; list head and get equal the created meeting', async () => {
      const created = await request(http).post(meetings(bank)).set(creator.auth).send(meetingBody()).expect(201);
      const body = meetingBody();
      expect(created.body).toEqual({
        meeting_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        provider_id: body.provider_id,
        purpose_id: body.purpose_id,
        bank_id: bank,
        present: { staff_user_id: creator.userId, customer_user_id: creator.userId },
        keys: { session_id: expect.any(String), staff_token: expect.any(String), customer_token: expect.any(String) },
        when: body.date,
        creator: body.creator,
        invitees: body.invitees,
      });
      const keys = Object.values(created.body.keys as Record<string, string>);
      expect(new Set(keys).size).toBe(3);
      for (const key of keys) expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);

      const listed = await request(http).get(meetings(bank)).set(creator.auth).expect(200);
      expect(listed.body.meetings[0]).toEqual(created.body);
      const got = await request(http)
        .get(`${meetings(bank)}/${created.body.meeting_id}`)
        .set(creator.auth)
        .expect(200);
      expect(got.body).toEqual(created.body);
      expectObpError(
        await request(http)
          .get(`${meetings(bank)}/no-such-meeting`)
          .set(creator.auth),
        400,
        'OBP-30104',
      );
    });

    it('visible to the creator, invitees (by verified email) and CanGetMeetingsAtOneBank holders only', async () => {
      const invitee = await signUpAndLogin(app, consumerKey);
      const stranger = await signUpAndLogin(app, consumerKey);
      const staff = await signUpAndLogin(app, consumerKey);
      await grantRole(app, staff.userId, 'CanGetMeetingsAtOneBank', bank);
      const created = await request(http)
        .post(meetings(bank))
        .set(creator.auth)
        .send(meetingBody(`${invitee.username.toUpperCase()}@example.com`))
        .expect(201);
      const id = created.body.meeting_id;

      // Not before the invitee proves the address: a sign-up alone grants nothing by e-mail.
      expectObpError(
        await request(http)
          .get(`${meetings(bank)}/${id}`)
          .set(invitee.auth),
        400,
        'OBP-30104',
      );
      const link = new URL(validationLinkIn(await mailbox.lastTo(`${invitee.username}@example.com`)));
      await request(http).get(link.pathname).expect(200);

      for (const user of [invitee, staff]) {
        expect(
          (
            await request(http)
              .get(`${meetings(bank)}/${id}`)
              .set(user.auth)
              .expect(200)
          ).body,
        ).toEqual(created.body);
        const ids = (await request(http).get(meetings(bank)).set(user.auth).expect(200)).body.meetings.map((m: { meeting_id: string }) => m.meeting_id);
        expect(ids).toContain(id);
      }
      expectObpError(
        await request(http)
          .get(`${meetings(bank)}/${id}`)
          .set(stranger.auth),
        400,
        'OBP-30104',
      );
      expect((await request(http).get(meetings(bank)).set(stranger.auth).expect(200)).body).toEqual({ meetings: [] });
    });
  });

  it('lists newest first', async () => {
    const user = await signUpAndLogin(app, consumerKey);
    const path = `/obp/v5.1.0/banks/${bank}/meetings`;
    await request(http)
      .post(path)
      .set(user.auth)
      .send({ ...meetingBody(), date: '2026-01-01T00:00:00Z' })
      .expect(201);
    await request(http)
      .post(path)
      .set(user.auth)
      .send({ ...meetingBody(), date: '2026-06-01T00:00:00Z' })
      .expect(201);
    const listed = await request(http).get(path).set(user.auth).expect(200);
    expect(listed.body.meetings.map((m: { when: string }) => m.when)).toEqual(['2026-06-01T00:00:00Z', '2026-01-01T00:00:00Z']);
  });
});
