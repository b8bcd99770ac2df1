import { ruleTester } from '../../../helpers/rule-tester';

ruleTester('dockerfile/apt-no-install-recommends', {
  valid: [
    { name: 'flag after install', code: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n' },
    { name: 'flag before install', code: 'FROM debian:12\nRUN apt-get --no-install-recommends install -y curl\n' },
    { name: 'apt option', code: 'FROM debian:12\nRUN apt-get install -y -o APT::Install-Recommends=false curl\n' },
    { name: 'apt option attached', code: 'FROM debian:12\nRUN apt-get install -y -oAPT::Install-Recommends=0 curl\n' },
    { name: 'configured once in apt.conf.d', code: 'FROM debian:12\nRUN echo \'APT::Install-Recommends "false";\' > /etc/apt/apt.conf.d/90norecommends\nRUN apt-get install -y curl\n' },
    { name: 'only the shipped stages', code: 'FROM debian:12 AS build\nRUN apt-get install -y gcc\nFROM gcr.io/distroless/base-debian12\n' },
    { name: 'simulation', code: 'FROM debian:12\nRUN apt-get install -s curl\n' },
    { name: 'apt-get in a word is not a command', code: 'FROM debian:12\nRUN echo "apt-get install curl"\n' },
  ],
  invalid: [
    {
      name: 'missing flag: fix inserts it after install',
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n',
      errors: [{ range: '1:0-1:45', messageIncludes: '--no-install-recommends' }],
      output: 'FROM debian:12\nRUN apt-get update && apt-get install --no-install-recommends -y curl\n',
    },
    {
      name: 'every install in the RUN is fixed, with sudo and env prefixes',
      code: 'FROM debian:12\nRUN DEBIAN_FRONTEND=noninteractive apt-get -qq install -y a \\\n && sudo apt-get install b\n',
      errors: [{ range: '1:0-1:59' }],
      output: 'FROM debian:12\nRUN DEBIAN_FRONTEND=noninteractive apt-get -qq install --no-install-recommends -y a \\\n && sudo apt-get install --no-install-recommends b\n',
    },
    {
      name: 'apt, not only apt-get',
      code: 'FROM ubuntu:24.04\nRUN apt install -y vim\n',
      errors: [{ range: '1:0-1:22' }],
      output: 'FROM ubuntu:24.04\nRUN apt install --no-install-recommends -y vim\n',
    },
    {
      name: 'exec form gets a JSON item',
      code: 'FROM debian:12\nRUN ["apt-get", "install", "-y", "curl"]\n',
      errors: [{ range: '1:0-1:40' }],
      output: 'FROM debian:12\nRUN ["apt-get", "install", "--no-install-recommends", "-y", "curl"]\n',
    },
    {
      name: 'heredoc script with CRLF',
      code: 'FROM debian:12\r\nRUN <<EOF\r\napt-get install -y curl\r\nEOF\r\n',
      errors: [{ range: '1:0-1:9' }],
      output: 'FROM debian:12\r\nRUN <<EOF\r\napt-get install --no-install-recommends -y curl\r\nEOF\r\n',
    },
  ],
});
