/** The OAuth 1.0a login page: plain HTML, no JavaScript, every dynamic value escaped. */

export interface LoginPageModel {
  appName: string;
  oauthToken: string;
  csrfToken: string;
  username?: string;
  error?: string;
}

const STYLE = `body{font-family:system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem;color:#1b1b1b}
label{display:block;margin-top:1rem;font-weight:600}input{display:block;width:100%;padding:.5rem;margin-top:.25rem;box-sizing:border-box}
button{margin-top:1.5rem;padding:.6rem 1.2rem}[role=alert]{color:#a00;font-weight:600}code{font-size:1.4rem}`;

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>
${body}
</main></body>
</html>
`;
}

export function loginPage(model: LoginPageModel): string {
  const error = model.error ? `<p role="alert" id="error">${escapeHtml(model.error)}</p>\n` : '';
  return page(
    `Log in to authorise ${model.appName}`,
    `<h1>Log in</h1>
<p>The application <strong id="app-name">${escapeHtml(model.appName)}</strong> asks to use this API on your behalf. Log in to allow it.</p>
${error}<form method="post" action="/oauth/authorize">
<input type="hidden" name="oauth_token" value="${escapeHtml(model.oauthToken)}">
<input type="hidden" name="csrf_token" value="${escapeHtml(model.csrfToken)}">
<label for="username">Username</label>
<input id="username" name="username" autocomplete="username" required value="${escapeHtml(model.username ?? '')}">
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Log in and authorise</button>
</form>`,
  );
}

/** "oob" consumers: the user copies the verifier into the application. */
export function verifierPage(appName: string, verifier: string): string {
  return page(
    'Authorised',
    `<h1>Authorised</h1>
<p>Enter this verifier in <strong>${escapeHtml(appName)}</strong> to finish:</p>
<p><code id="verifier">${escapeHtml(verifier)}</code></p>`,
  );
}

export function errorPage(message: string): string {
  return page('Authorisation failed', `<h1>Authorisation failed</h1>\n<p role="alert" id="error">${escapeHtml(message)}</p>`);
}
