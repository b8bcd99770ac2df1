import { ruleTester } from '../../../helpers/rule-tester';

ruleTester('dockerfile/apt-update-alone', {
  valid: [
    { name: 'update with install', code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n' },
    { name: 'update with upgrade', code: 'FROM debian:12\nRUN apt-get update && apt-get -y dist-upgrade\n' },
    { name: 'install on continued lines', code: 'FROM debian:12\nRUN apt-get update \\\n && apt-get install -y \\\n    curl\n' },
    { name: 'no update at all', code: 'FROM debian:12\nRUN echo hi\n' },
    { name: 'apt-get update in a quoted string', code: 'FROM debian:12\nRUN echo "apt-get update"\n' },
  ],
  invalid: [
    {
      name: 'update alone, install in the next RUN',
      code: 'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl\n',
      errors: [{ range: '1:0-1:18' }],
      output: null,
    },
    {
      name: 'apt update with a repository setup',
      code: 'FROM ubuntu:24.04\nrun echo "deb http://x.example stable main" > /etc/apt/sources.list.d/x.list && apt update -qq\n',
      errors: [{ range: '1:0-1:94' }],
    },
    {
      name: 'simulated install uses nothing',
      code: 'FROM debian:12\nRUN apt-get update && apt-cache policy curl\n',
      errors: [{ range: '1:0-1:43' }],
    },
  ],
});
