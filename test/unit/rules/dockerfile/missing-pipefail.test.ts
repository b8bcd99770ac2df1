import { ruleTester } from '../../../helpers/rule-tester';

ruleTester('dockerfile/missing-pipefail', {
  valid: [
    { name: 'set -o pipefail first', code: 'FROM debian:12\nRUN set -o pipefail && curl -fsSL https://x.example/a.tgz | tar -xz\n' },
    { name: 'set -euo pipefail', code: 'FROM debian:12\nRUN set -euxo pipefail; wget -O- https://x.example | gpg --dearmor > /k.gpg\n' },
    { name: 'SHELL with pipefail', code: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://x.example/a.tgz | tar -xz\n' },
    { name: 'SHELL inherited from the stage it is built FROM', code: 'FROM debian:12 AS base\nSHELL ["/bin/bash", "-eo", "pipefail", "-c"]\nFROM base\nRUN curl x | tar -x\n' },
    { name: 'no pipe; || is not a pipe', code: 'FROM debian:12\nRUN make || true\n' },
    { name: 'harmless upstream', code: 'FROM debian:12\nRUN echo "$SHA  a.tgz" | sha256sum -c - && yes | apt-get install x\n' },
    { name: 'pipe in a condition', code: 'FROM debian:12\nRUN if git log | grep -q fix; then echo yes; fi\n' },
    { name: 'pipe in a substitution', code: 'FROM debian:12\nRUN for f in $(ls | sort); do echo $f; done\n' },
    { name: 'case patterns are not pipes', code: 'FROM debian:12\nRUN case "$arch" in amd64 | arm64) echo ok ;; esac\n' },
    { name: 'redirection >| is not a pipe', code: 'FROM debian:12\nRUN date >| /stamp\n' },
    { name: 'PowerShell', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN Get-ChildItem | Select-Object Name\n' },
    { name: 'exec form has no shell', code: 'FROM debian:12\nRUN ["sh", "-c", "a | b"]\n' },
  ],
  invalid: [
    {
      name: 'curl | tar without pipefail',
      code: 'FROM debian:12\nRUN curl -fsSL https://x.example/a.tgz | tar -xz -C /opt\n',
      errors: [{ range: '1:0-1:56', messageIncludes: 'set -o pipefail' }],
      output: null,
    },
    {
      name: 'pipefail set only after the pipe',
      code: 'FROM debian:12\nRUN wget -O- https://x.example | gpg --dearmor > /k.gpg; set -o pipefail\n',
      errors: [{ range: '1:0-1:72' }],
    },
    {
      name: 'SHELL bash without pipefail; |& counts',
      code: 'FROM debian:12\nSHELL ["/bin/bash", "-c"]\nRUN make |& tee build.log\n',
      errors: [{ range: '2:0-2:25' }],
    },
    {
      name: 'heredoc script',
      code: 'FROM debian:12\nRUN <<EOF\ncurl -s https://x.example | tar -x\nEOF\n',
      errors: [{ range: '1:0-1:9' }],
    },
  ],
});
