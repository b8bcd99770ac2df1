import { ruleTester } from '../../../helpers/rule-tester';

ruleTester('dockerfile/curl-pipe-shell', {
  valid: [
    { name: 'download, verify, run', code: 'FROM alpine:3.20\nRUN curl -fsSLo /tmp/i.sh https://example.com/i.sh && echo "abc  /tmp/i.sh" | sha256sum -c - && sh /tmp/i.sh\n' },
    { name: 'piped into tar, not a shell', code: 'FROM alpine:3.20\nRUN curl -fsSL https://example.com/a.tgz | tar -xz -C /opt\n' },
    { name: 'shell piped into curl', code: 'FROM alpine:3.20\nRUN sh -c "echo hi" | curl -d @- https://example.com\n' },
    { name: 'the words in a quoted string', code: 'FROM alpine:3.20\nRUN echo "curl x | sh"\n' },
  ],
  invalid: [
    {
      name: 'curl | bash',
      code: 'FROM ubuntu:24.04\nRUN curl -fsSL https://deb.nodesource.com/setup_20.x | bash -\n',
      errors: [{ range: '1:0-1:61', messageIncludes: 'curl', data: { downloader: 'curl', shell: 'bash' } }],
      output: null,
    },
    {
      name: 'wget -O- | sudo sh, after other commands on continued lines',
      code: 'FROM ubuntu:24.04\nRUN apt-get update && \\\n    wget -qO- https://get.example.com | sudo -E sh\n',
      errors: [{ range: '1:0-1:21', data: { downloader: 'wget', shell: 'sh' } }],
    },
    {
      name: 'sh -c "$(curl …)" and bash <(curl …)',
      code: 'FROM ubuntu:24.04\nRUN sh -c "$(curl -fsSL https://x.example/install.sh)"\nRUN bash <(curl -s https://x.example/i)\n',
      errors: [{ range: '1:0-1:54' }, { range: '2:0-2:39' }],
    },
    {
      name: 'inside bash -c, and through tee',
      code: 'FROM ubuntu:24.04\nRUN bash -c "curl -s https://x.example/i | bash"\nRUN curl -s https://x.example/i | tee /tmp/i | zsh\n',
      errors: [{ range: '1:0-1:48' }, { range: '2:0-2:50' }],
    },
    {
      name: 'heredoc script',
      code: 'FROM ubuntu:24.04\nRUN <<EOF\nset -e\ncurl -fsSL https://x.example/i | sh\nEOF\n',
      errors: [{ range: '1:0-1:9' }],
    },
  ],
});
