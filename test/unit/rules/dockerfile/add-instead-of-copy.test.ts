import { ruleTester } from '../../../helpers/rule-tester';

ruleTester('dockerfile/add-instead-of-copy', {
  valid: [
    { name: 'COPY', code: 'FROM alpine:3.20\nCOPY app.py /app/\n' },
    { name: 'tar archive is unpacked', code: 'FROM alpine:3.20\nADD rootfs.tar.gz /\n' },
    { name: 'other archive extensions', code: 'FROM alpine:3.20\nADD a.tgz b.tar.xz c.tar.bz2 d.tar /opt/\n' },
    { name: 'URL is another rule', code: 'FROM alpine:3.20\nADD https://example.com/x.txt /x.txt\n' },
    { name: 'git source', code: 'FROM alpine:3.20\nADD git@github.com:owner/repo.git /src\n' },
    { name: 'variable may be an archive', code: 'FROM alpine:3.20\nARG PKG\nADD ${PKG} /opt/\n' },
    { name: 'ADD-only flag', code: 'FROM alpine:3.20\nADD --checksum=sha256:abc https://example.com/x /x\n' },
  ],
  invalid: [
    {
      name: 'local file: fix replaces the keyword',
      code: 'FROM alpine:3.20\nADD app.py /app/\n',
      errors: [{ range: '1:0-1:16' }],
      output: 'FROM alpine:3.20\nCOPY app.py /app/\n',
    },
    {
      name: 'zip is not unpacked',
      code: 'FROM alpine:3.20\nADD --chown=app site.zip /srv/\n',
      errors: [{ range: '1:0-1:30' }],
      output: 'FROM alpine:3.20\nCOPY --chown=app site.zip /srv/\n',
    },
    {
      name: 'lowercase keyword keeps its case; JSON form',
      code: 'FROM alpine:3.20\nadd ["conf", "/etc/app"]\n',
      errors: [{ range: '1:0-1:24' }],
      output: 'FROM alpine:3.20\ncopy ["conf", "/etc/app"]\n',
    },
    {
      name: 'heredoc source',
      code: 'FROM alpine:3.20\nADD <<EOF /etc/motd\nhello\nEOF\n',
      errors: [{ range: '1:0-1:19' }],
      output: 'FROM alpine:3.20\nCOPY <<EOF /etc/motd\nhello\nEOF\n',
    },
    {
      name: 'one of many sources is local and none unpacks',
      code: 'FROM alpine:3.20\nADD . /app\n',
      errors: [{ range: '1:0-1:10' }],
    },
  ],
});
