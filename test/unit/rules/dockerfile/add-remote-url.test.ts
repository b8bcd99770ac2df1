import { ruleTester } from '../../../helpers/rule-tester';

ruleTester('dockerfile/add-remote-url', {
  valid: [
    { name: 'checksum given', code: 'FROM alpine:3.20\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool.tar.gz /opt/\n' },
    { name: 'local file', code: 'FROM alpine:3.20\nADD tool.tar.gz /opt/\n' },
    { name: 'git source with a ref', code: 'FROM alpine:3.20\nADD https://github.com/owner/repo.git#v1.2.3 /src\n' },
    { name: 'curl with a checksum in RUN', code: 'FROM alpine:3.20\nRUN curl -fsSLo /t.tgz https://example.com/t.tgz && echo "abc  /t.tgz" | sha256sum -c -\n' },
  ],
  invalid: [
    {
      name: 'https URL',
      code: 'FROM alpine:3.20\nADD https://example.com/tool.tar.gz /opt/\n',
      errors: [{ range: '1:0-1:41', messageIncludes: 'https://example.com/tool.tar.gz', data: { url: 'https://example.com/tool.tar.gz' } }],
      output: null,
    },
    {
      name: 'http URL with flags, lowercase',
      code: 'FROM alpine:3.20\nadd --chown=1000 http://example.com/a /a\n',
      errors: [{ range: '1:0-1:40' }],
    },
    {
      name: 'git repository without a ref follows a moving branch',
      code: 'FROM alpine:3.20\nADD https://github.com/owner/repo.git /src\n',
      errors: [{ range: '1:0-1:42' }],
    },
  ],
});
