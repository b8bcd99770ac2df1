import { ruleTester } from '../../../helpers/rule-tester';

ruleTester('dockerfile/sudo', {
  valid: [
    { name: 'installing the sudo package', code: 'FROM debian:12\nRUN apt-get install -y sudo\n' },
    { name: 'checking for sudo', code: 'FROM debian:12\nRUN command -v sudo || echo none\n' },
    { name: 'in a quoted string', code: 'FROM debian:12\nRUN echo "use sudo"\n' },
    { name: 'a heredoc fed to a file', code: 'FROM debian:12\nRUN cat <<EOF > /etc/sudoers.d/app\nsudo ALL\nEOF\n' },
  ],
  invalid: [
    {
      name: 'sudo before a command',
      code: 'FROM debian:12\nUSER app\nRUN sudo apt-get update\n',
      errors: [{ range: '2:0-2:23' }],
      output: null,
    },
    {
      name: 'sudo with options, later in a chain, in a substitution',
      code: 'FROM debian:12\nRUN echo a && sudo -u app make\nRUN echo $(sudo cat /etc/shadow)\n',
      errors: [{ range: '1:0-1:30' }, { range: '2:0-2:32' }],
    },
  ],
});
