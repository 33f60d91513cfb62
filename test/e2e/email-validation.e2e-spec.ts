import { Writable } from 'node:stream';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createBank, createConsumer, directLogin, grantRole, signUpAndLogin, STRONG_PASSWORD, uniqueName, type TestUser } from '../support/identity';
import { invitationLinkIn, TestMailbox, validationLinkIn, type ReceivedMail } from '../support/mailbox';
import { expectObpError } from '../support/obp-assertions';
import { createTestApp } from '../support/test-app';

const HOSTNAME = 'https://api.bank.example';

class CapturedLog extends Writable {
  text = '';
  _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
  lines(): Record<string, unknown>[] {
    return this.text
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  }
}

const contact = (name: string, email: string) => ({ name, mobile_phone: '+44 07972 444 876', email_address: email });
const meetingBody = (inviteeEmail: string) => ({
  provider_id: 'Chris',
  purpose_id: 'onboarding',
  date: '2026-12-01T10:00:00Z',
  creator: contact('Simon', 'simon@example.com'),
  invitees: [{ contact_details: contact('Invitee', inviteeEmail), status: 'Good' }],
});

async function signUp(app: NestFastifyApplication, email: string, username = uniqueName('user')) {
  const created = await request(app.getHttpServer())
    .post('/obp/v5.1.0/users')
    .send({ email, username, password: STRONG_PASSWORD, first_name: 'Test', last_name: 'User' })
    .expect(201);
  return { userId: created.body.user_id as string, username };
}

async function login(app: NestFastifyApplication, username: string, consumerKey: string): Promise<TestUser> {
  const token: string = (await directLogin(app, username, STRONG_PASSWORD, consumerKey).expect(201)).body.token;
  return { userId: '', username, password: STRONG_PASSWORD, token, auth: { DirectLogin: `token=${token}` } };
}

/** The token of a validation link (its last path segment). */
const tokenOf = (link: string) => new URL(link).pathname.split('/').pop() as string;

describe('E-mail validation (e2e)', () => {
  describe('with SMTP (a real SMTP server on loopback)', () => {
    let app: NestFastifyApplication;
    let http: ReturnType<NestFastifyApplication['getHttpServer']>;
    let mailbox: TestMailbox;
    let consumerKey: string;
    let bank: string;
    let creator: TestUser;

    /** The mail sent to `email` that greets `username` (two accounts may share an address). */
    async function mailFor(email: string, username: string): Promise<ReceivedMail> {
      await mailbox.lastTo(email);
      const mail = mailbox.messages.find((message) => message.to.includes(email.toLowerCase()) && message.raw.includes(`Hello ${username},`));
      if (!mail) throw new Error(`no mail for ${username}`);
      return mail;
    }

    async function meetingFor(email: string): Promise<string> {
      const created = await request(http).post(`/obp/v5.1.0/banks/${bank}/meetings`).set(creator.auth).send(meetingBody(email)).expect(201);
      return created.body.meeting_id;
    }

    async function sees(user: TestUser, meetingId: string): Promise<boolean> {
      const one = await request(http).get(`/obp/v5.1.0/banks/${bank}/meetings/${meetingId}`).set(user.auth);
      const list = await request(http).get(`/obp/v5.1.0/banks/${bank}/meetings`).set(user.auth).expect(200);
      const listed = list.body.meetings.some((meeting: { meeting_id: string }) => meeting.meeting_id === meetingId);
      if (one.status === 200) expect(listed).toBe(true);
      else {
        expectObpError(one, 400, 'OBP-30104');
        expect(listed).toBe(false);
      }
      return one.status === 200;
    }

    beforeAll(async () => {
      mailbox = await TestMailbox.start();
      app = await createTestApp({ env: { SMTP_URL: mailbox.smtpUrl, MAIL_FROM: 'obp@bank.example', OBP_HOSTNAME: HOSTNAME } });
      http = app.getHttpServer();
      consumerKey = (await createConsumer(app)).key;
      bank = await createBank(app);
      creator = await signUpAndLogin(app, consumerKey);
    });

    afterAll(async () => {
      await app.close();
      await mailbox.close();
    });

    it('mails a validation link at sign-up; the meeting becomes visible only once the link is followed, and the link works once', async () => {
      const email = `${uniqueName('jane')}@example.com`;
      const meetingId = await meetingFor(email);
      const jane = await signUp(app, email);
      const janeLogin = await login(app, jane.username, consumerKey);

      const mail = await mailFor(email, jane.username);
      expect(mail.from).toBe('obp@bank.example');
      const link = validationLinkIn(mail);
      expect(link).toMatch(new RegExp(`^${HOSTNAME}/user_mgt/validate_user/[A-Za-z0-9_-]{43}$`));

      // Signed up and logged in, but the address is not proven yet.
      expect(await sees(janeLogin, meetingId)).toBe(false);

      // The user follows the link (OBP's validation page, outside /obp).
      const page = await request(http).get(new URL(link).pathname).expect(200);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.text).toContain('validated');
      expect(await sees(janeLogin, meetingId)).toBe(true);

      // Single use: the page and the REST endpoint both refuse it now.
      const again = await request(http).get(new URL(link).pathname).expect(404);
      expect(again.text).toContain('Invalid validation link');
      expectObpError(
        await request(http)
          .post('/obp/v5.1.0/users/email-validation')
          .send({ token: tokenOf(link) }),
        404,
        'OBP-20106',
      );
    });

    it("someone who signs up with an invitee's address never sees the meeting; the owner of the mailbox validates only their own account", async () => {
      const email = `${uniqueName('victim')}@example.com`;
      const meetingId = await meetingFor(email);
      const victim = await signUp(app, email);
      const attacker = await signUp(app, email.toUpperCase());
      const attackerLogin = await login(app, attacker.username, consumerKey);
      const victimLogin = await login(app, victim.username, consumerKey);
      expect(await sees(attackerLogin, meetingId)).toBe(false);
      expect(await sees(victimLogin, meetingId)).toBe(false);

      // Both links went to the victim's mailbox; the victim follows the one for their own account.
      await request(http)
        .get(new URL(validationLinkIn(await mailFor(email, victim.username))).pathname)
        .expect(200);
      expect(await sees(victimLogin, meetingId)).toBe(true);
      expect(await sees(attackerLogin, meetingId)).toBe(false);
    });

    it("POST /users/email-validation (OBP v6.0.0) validates with the token: 200 with OBP's shape; 400 empty or malformed body; 404 unknown token", async () => {
      const email = `${uniqueName('rest')}@example.com`;
      const meetingId = await meetingFor(email);
      const user = await signUp(app, email);
      const userLogin = await login(app, user.username, consumerKey);
      const token = tokenOf(validationLinkIn(await mailFor(email, user.username)));

      expectObpError(await request(http).post('/obp/v5.1.0/users/email-validation').send({}), 400, 'OBP-10001');
      expectObpError(await request(http).post('/obp/v5.1.0/users/email-validation').send({ token: '   ' }), 400, 'OBP-10001');
      expectObpError(
        await request(http)
          .post('/obp/v5.1.0/users/email-validation')
          // An array would be read as its JSON text (lift-json leniency); null is no string at all.
          .send({ token: null }),
        400,
        'OBP-10001',
      );
      expectObpError(
        await request(http)
          .post('/obp/v5.1.0/users/email-validation')
          .send({ token: `${token}x` }),
        404,
        'OBP-20106',
      );
      expect(await sees(userLogin, meetingId)).toBe(false);

      const validated = await request(http)
        .post('/obp/v5.1.0/users/email-validation')
        .send({ token: ` ${token} ` })
        .expect(200);
      expect(validated.body).toEqual({
        user_id: user.userId,
        email,
        username: user.username,
        provider: expect.any(String),
        validated: true,
        message: 'Email validated successfully',
      });
      expect(await sees(userLogin, meetingId)).toBe(true);
      expectObpError(await request(http).post('/obp/v5.1.0/users/email-validation').send({ token }), 404, 'OBP-20106');
    });

    it('an expired token validates nothing', async () => {
      const email = `${uniqueName('late')}@example.com`;
      const meetingId = await meetingFor(email);
      const user = await signUp(app, email);
      const userLogin = await login(app, user.username, consumerKey);
      const link = validationLinkIn(await mailFor(email, user.username));
      // Arrange: the token's lifetime has passed.
      await app.get(DataSource).query(`UPDATE email_validation_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [user.userId]);

      expect((await request(http).get(new URL(link).pathname).expect(404)).text).toContain('Invalid validation link');
      expectObpError(
        await request(http)
          .post('/obp/v5.1.0/users/email-validation')
          .send({ token: tokenOf(link) }),
        404,
        'OBP-20106',
      );
      expect(await sees(userLogin, meetingId)).toBe(false);
    });

    it('stores only a hash of the token', async () => {
      const email = `${uniqueName('hash')}@example.com`;
      const user = await signUp(app, email);
      const token = tokenOf(validationLinkIn(await mailFor(email, user.username)));
      const rows: { token_hash: string }[] = await app
        .get(DataSource)
        .query('SELECT token_hash FROM email_validation_tokens WHERE user_id = $1', [user.userId]);
      expect(rows).toHaveLength(1);
      expect(rows[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(rows[0].token_hash).not.toContain(token);
    });

    const invitationBody = (email: string) => ({
      first_name: 'Tom',
      last_name: 'Smith',
      email,
      company: 'Tesobe GmbH',
      country: 'Germany',
      purpose: 'DEVELOPER',
    });

    async function invite(staff: TestUser, atBank: string, email: string): Promise<string> {
      const created = await request(http).post(`/obp/v5.1.0/banks/${atBank}/user-invitation`).set(staff.auth).send(invitationBody(email)).expect(201);
      return created.body.secret_key as string;
    }

    const redeem = (email: string, username: string, secret: string) =>
      request(http)
        .post('/obp/v5.1.0/users')
        .send({ email, username, password: STRONG_PASSWORD, first_name: 'Tom', last_name: 'Smith', user_invitation_secret_key: secret });

    it('an invitation is e-mailed to the invitee; redeeming the mailed secret proves the address: its meetings are visible at once and no validation mail is sent', async () => {
      const staff = await signUpAndLogin(app, consumerKey);
      await grantRole(app, staff.userId, 'CanCreateUserInvitation', bank);
      const email = `${uniqueName('invited')}@example.com`;
      const inviterSecret = await invite(staff, bank, email);
      const mail = await mailbox.lastTo(email);
      expect(mail.from).toBe('obp@bank.example');
      const link = invitationLinkIn(mail);
      // OBP's portal link; its secret is not the one the inviter was given.
      expect(link).toMatch(new RegExp(`^${HOSTNAME}/user-invitation\\?id=\\d{30,40}$`));
      const mailedSecret = new URL(link).searchParams.get('id') as string;
      expect(mailedSecret).not.toBe(inviterSecret);
      expect(mail.raw).not.toContain(inviterSecret);
      // The invitee's page looks the invitation up with the mailed secret.
      const lookup = await request(http).post(`/obp/v5.1.0/banks/${bank}/user-invitations`).send({ secret_key: mailedSecret }).expect(201);
      expect(lookup.body).toMatchObject({ email, status: 'CREATED' });

      const meetingId = await meetingFor(email);
      const username = uniqueName('tom');
      await redeem(email, username, mailedSecret).expect(201);
      expect(await sees(await login(app, username, consumerKey), meetingId)).toBe(true);
      expect(mailbox.messages.filter((message) => message.to.includes(email))).toEqual([mail]);
      // Redeemed: neither secret works again.
      expectObpError(await redeem(email, uniqueName('again'), inviterSecret), 404, 'OBP-37883');
    });

    it("staff who may invite at one bank cannot mint a verified address: redeeming the inviter's secret_key leaves it unverified, so a meeting at another bank stays hidden until the mailbox is proven", async () => {
      // The audit's attack: a meeting at bank B invites the victim; staff with CanCreateUserInvitation
      // at bank A only invite the victim's address and redeem the secret they were given.
      const otherBank = await createBank(app);
      const victimEmail = `${uniqueName('victim')}@example.com`;
      const meeting = await request(http).post(`/obp/v5.1.0/banks/${otherBank}/meetings`).set(creator.auth).send(meetingBody(victimEmail)).expect(201);
      const staff = await signUpAndLogin(app, consumerKey);
      await grantRole(app, staff.userId, 'CanCreateUserInvitation', bank);
      const inviterSecret = await invite(staff, bank, victimEmail);
      const username = uniqueName('mallory');
      const created = await redeem(victimEmail, username, inviterSecret).expect(201);
      const mallory = await login(app, username, consumerKey);
      expectObpError(await request(http).get(`/obp/v5.1.0/banks/${otherBank}/meetings/${meeting.body.meeting_id}`).set(mallory.auth), 400, 'OBP-30104');
      const listed = await request(http).get(`/obp/v5.1.0/banks/${otherBank}/meetings`).set(mallory.auth).expect(200);
      expect(listed.body.meetings).toEqual([]);
      const verified: { email_verified_at: Date | null }[] = await app
        .get(DataSource)
        .query('SELECT email_verified_at FROM users WHERE user_id = $1', [created.body.user_id]);
      expect(verified).toEqual([{ email_verified_at: null }]);

      // The validation link goes to the mailbox (not to the inviter): only its owner can prove it.
      const validation = validationLinkIn(await mailFor(victimEmail, username));
      await request(http).get(new URL(validation).pathname).expect(200);
      const seen = await request(http).get(`/obp/v5.1.0/banks/${otherBank}/meetings/${meeting.body.meeting_id}`).set(mallory.auth).expect(200);
      expect(seen.body.meeting_id).toBe(meeting.body.meeting_id);
    });
  });

  describe("without SMTP, and with user_account_validated off (OBP's default)", () => {
    let app: NestFastifyApplication;
    const log = new CapturedLog();

    beforeAll(async () => {
      app = await createTestApp({ env: { SMTP_URL: '', OBP_USER_ACCOUNT_VALIDATED: 'false', OBP_HOSTNAME: HOSTNAME, LOG_LEVEL: 'info' }, logDestination: log });
    });

    afterAll(async () => {
      await app.close();
    });

    it('writes the link in one warn-level operator message; the user logs in only after validating', async () => {
      const consumerKey = (await createConsumer(app)).key;
      const email = `${uniqueName('nosmtp')}@example.com`;
      const user = await signUp(app, email);
      expectObpError(await directLogin(app, user.username, STRONG_PASSWORD, consumerKey), 401, 'OBP-20004');

      const operatorLines = log.lines().filter((line) => line.operatorAction === 'deliver-email-validation-link' && line.userId === user.userId);
      expect(operatorLines).toHaveLength(1);
      const [line] = operatorLines;
      expect(line.level).toBe(40); // warn
      expect(line.msg).toMatch(/^OPERATOR ACTION: no SMTP_URL is set/);
      expect(line.email).toBe(email);
      const link = line.validationLink as string;
      expect(link).toMatch(new RegExp(`^${HOSTNAME}/user_mgt/validate_user/[A-Za-z0-9_-]{43}$`));
      // That operator message is the only line carrying the token.
      expect(log.text.split(tokenOf(link)).length - 1).toBe(1);

      await request(app.getHttpServer()).get(new URL(link).pathname).expect(200);
      await directLogin(app, user.username, STRONG_PASSWORD, consumerKey).expect(201);
      // The request line of the validation page shows no token.
      expect(log.text).toContain('"url":"/user_mgt/validate_user/[REDACTED]"');
      expect(log.text.split(tokenOf(link)).length - 1).toBe(1);
    });

    it("logs the invitation link for the operator in one warn-level message; its secret verifies the invitee's address", async () => {
      const consumerKey = (await createConsumer(app)).key;
      const bank = await createBank(app);
      // Staff must validate first here (user_account_validated is off): through their logged link.
      const staffAccount = await signUp(app, `${uniqueName('staff')}@example.com`);
      const staffLink = log.lines().find((line) => line.operatorAction === 'deliver-email-validation-link' && line.userId === staffAccount.userId)
        ?.validationLink as string;
      await request(app.getHttpServer()).get(new URL(staffLink).pathname).expect(200);
      const staff = await login(app, staffAccount.username, consumerKey);
      await grantRole(app, staffAccount.userId, 'CanCreateUserInvitation', bank);
      const email = `${uniqueName('invitee')}@example.com`;
      const created = await request(app.getHttpServer())
        .post(`/obp/v5.1.0/banks/${bank}/user-invitation`)
        .set(staff.auth)
        .send({ first_name: 'Tom', last_name: 'Smith', email, company: 'Tesobe GmbH', country: 'Germany', purpose: 'DEVELOPER' })
        .expect(201);
      const operatorLines = log.lines().filter((line) => line.operatorAction === 'deliver-user-invitation-link' && line.email === email);
      expect(operatorLines).toHaveLength(1);
      expect(operatorLines[0].level).toBe(40);
      const link = operatorLines[0].invitationLink as string;
      expect(link).toMatch(new RegExp(`^${HOSTNAME}/user-invitation\\?id=\\d{30,40}$`));
      const mailedSecret = new URL(link).searchParams.get('id') as string;
      expect(mailedSecret).not.toBe(created.body.secret_key);
      // The inviter's secret is never logged.
      expect(log.text).not.toContain(created.body.secret_key);

      const username = uniqueName('tom');
      const user = await request(app.getHttpServer())
        .post('/obp/v5.1.0/users')
        .send({ email, username, password: STRONG_PASSWORD, first_name: 'Tom', last_name: 'Smith', user_invitation_secret_key: mailedSecret })
        .expect(201);
      // Proven: logs in at once although user_account_validated is off, and no validation link is issued.
      await directLogin(app, username, STRONG_PASSWORD, consumerKey).expect(201);
      expect(log.lines().some((line) => line.operatorAction === 'deliver-email-validation-link' && line.userId === user.body.user_id)).toBe(false);
    });
  });
});
