import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { containsCredentialWord, nameWords } from '../../server/src/engine/credential-words';

describe('credential words', () => {
  it('splits names at separators and camelCase boundaries', () => {
    assert.deepEqual(nameWords('dbPassword'), ['DB', 'PASSWORD']);
    assert.deepEqual(nameWords('APIKey'), ['API', 'KEY']);
    assert.deepEqual(nameWords('aws_secret-access.key'), ['AWS', 'SECRET', 'ACCESS', 'KEY']);
    assert.deepEqual(nameWords('OAuth2Token'), ['O', 'AUTH2', 'TOKEN']);
    assert.deepEqual(nameWords(''), []);
  });

  for (const name of [
    'PASSWORD', 'DB_PASSWORD', 'db_passwd', 'dbPassword', 'MYSQL_ROOT_PASSWORD', 'CLIENT_SECRET', 'clientSecret',
    'GITHUB_TOKEN', 'githubToken', 'APIKEY', 'api_key', 'apiKey', 'X-API-KEY', 'STRIPE_API_KEY', 'SSH_PRIVATE_KEY',
    'privateKey', 'AWS_ACCESS_KEY', 'aws.secret.key', 'AWS_SECRET_ACCESS_KEY', 'AUTH_TOKEN', 'GOOGLE_CREDENTIALS',
    'credential', 'SECRET_KEY_BASE', 'Password',
  ]) {
    it(`${name} is a credential name`, () => assert.equal(containsCredentialWord(name), true));
  }

  for (const name of [
    'PASSWORD_FILE', 'SECRET_NAME', 'TOKEN_URL', 'CREDENTIALS_PATH', 'SECRETS_DIR', 'API_KEY_ID', 'AWS_ACCESS_KEY_ID',
    'VAULT_TOKEN_VERSION', 'secretName', 'passwordFile', 'KEY', 'GPG_KEY', 'SIGNING_KEY', 'AUTH', 'AUTH_MODE',
    'NODE_VERSION', 'TOKENIZER', 'PASSWORDLESS', 'KEYRING', 'PUBLIC_KEY', '', 'HOME', 'PATH',
  ]) {
    it(`${JSON.stringify(name)} is not a credential name`, () => assert.equal(containsCredentialWord(name), false));
  }
});
