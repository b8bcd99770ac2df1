import { ruleTester } from '../../../helpers/rule-tester';

ruleTester('dockerfile/apt-cache-not-cleaned', {
  valid: [
    { name: 'lists removed with /*', code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n' },
    { name: 'lists removed without /*', code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists\n' },
    { name: 'cache mount on /var/lib/apt', code: 'FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt apt-get update && apt-get install -y curl\n' },
    { name: 'cache mount on /var/cache/apt', code: 'FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked apt-get update && apt-get install -y curl\n' },
    { name: 'apk --no-cache', code: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n' },
    { name: 'apk --no-cache before the subcommand', code: 'FROM alpine:3.20\nRUN apk --no-cache add curl\n' },
    { name: 'yum clean all', code: 'FROM rockylinux:9\nRUN yum install -y httpd && yum clean all\n' },
    { name: 'dnf cache removed', code: 'FROM fedora:40\nRUN dnf install -y git && rm -rf /var/cache/dnf\n' },
    { name: 'a build stage that is not shipped', code: 'FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc\nFROM debian:12\nCOPY --from=build /out /out\n' },
    { name: 'simulated install downloads nothing', code: 'FROM debian:12\nRUN apt-get install -s curl\n' },
    { name: 'install text in a heredoc fed to cat', code: 'FROM debian:12\nRUN cat <<EOF > /notes.txt\napt-get install -y curl\nEOF\n' },
    { name: 'PowerShell shell', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN apt-get install x\n' },
  ],
  invalid: [
    {
      name: 'apt install without cleanup: fix appends to the same RUN',
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n',
      errors: [{ range: '1:0-1:45', data: { manager: 'apt' } }],
      output: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n',
    },
    {
      name: 'continued RUN with a comment line and a trailing comment: reported on the first line',
      code: 'FROM debian:12\nRUN apt-get update \\\n# tools\n    && apt-get install -y git # the VCS\nUSER 1000\n',
      errors: [{ range: '1:0-1:18' }],
      output: 'FROM debian:12\nRUN apt-get update \\\n# tools\n    && apt-get install -y git && rm -rf /var/lib/apt/lists/* # the VCS\nUSER 1000\n',
    },
    {
      name: 'cleanup after an if block goes after fi',
      code: 'FROM debian:12\nRUN if [ -n "$X" ]; then apt-get update && apt-get install -y jq; fi\n',
      errors: [{ range: '1:0-1:68' }],
      output: 'FROM debian:12\nRUN if [ -n "$X" ]; then apt-get update && apt-get install -y jq; fi && rm -rf /var/lib/apt/lists/*\n',
    },
    {
      name: 'heredoc script',
      code: 'FROM debian:12\nRUN <<EOF\nset -e\napt-get update\napt-get install -y curl\nEOF\n',
      errors: [{ range: '1:0-1:9' }],
      output: 'FROM debian:12\nRUN <<EOF\nset -e\napt-get update\napt-get install -y curl && rm -rf /var/lib/apt/lists/*\nEOF\n',
    },
    {
      name: 'a later RUN cannot clean the earlier layer',
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\nRUN rm -rf /var/lib/apt/lists/*\n',
      errors: [{ range: '1:0-1:45' }],
    },
    {
      name: 'apk add without --no-cache: fix inserts the flag',
      code: 'FROM alpine:3.20\nRUN apk update && apk add curl git\n',
      errors: [{ range: '1:0-1:34', messageIncludes: '--no-cache', data: { manager: 'apk' } }],
      output: 'FROM alpine:3.20\nRUN apk update && apk add --no-cache curl git\n',
    },
    {
      name: 'dnf without clean all, lowercase instruction',
      code: 'FROM fedora:40\nrun dnf install -y git\n',
      errors: [{ range: '1:0-1:22', messageIncludes: 'dnf clean all' }],
      output: 'FROM fedora:40\nrun dnf install -y git && dnf clean all\n',
    },
    {
      name: 'a stage the final image is built FROM counts',
      code: 'FROM debian:12 AS base\nRUN apt-get update && apt-get install -y ca-certificates\nFROM base\nCMD ["sh"]\n',
      errors: [{ range: '1:0-1:56' }],
    },
    {
      name: 'exec form: reported, no fix',
      code: 'FROM debian:12\nRUN ["apt-get", "install", "-y", "curl"]\n',
      errors: [{ range: '1:0-1:40' }],
      output: null,
    },
  ],
});
