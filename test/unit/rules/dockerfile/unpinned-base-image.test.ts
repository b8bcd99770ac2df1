import { ruleTester } from '../../../helpers/rule-tester';

ruleTester('dockerfile/unpinned-base-image', {
  valid: [
    { name: 'version tag', code: 'FROM node:20.11-alpine\n' },
    { name: 'digest', code: 'FROM alpine@sha256:c5b1261d6d3e43071626931fc004f70149baeba2c8ec672bd4f27761f8e1ad6b\n' },
    { name: 'scratch', code: 'FROM scratch\nCOPY app /app\n' },
    { name: 'earlier stage name, any case', code: 'FROM golang:1.22 AS Build\nFROM build\n' },
    { name: 'registry with port and a tag', code: 'FROM registry:5000/team/app:1.4\n' },
    { name: 'variable with a pinned ARG default', code: 'ARG BASE=python:3.12-slim\nFROM ${BASE}\n' },
    { name: 'tag from an ARG default', code: 'ARG VERSION=3.20\nFROM alpine:${VERSION}\n' },
    { name: 'variable without a default is unknown', code: 'ARG BASE\nFROM $BASE\n' },
    { name: 'stage chosen by an ARG default', code: 'ARG VARIANT=slim\nFROM debian:12 AS base-slim\nFROM base-${VARIANT}\n' },
    { name: 'heredoc body is not a FROM', code: 'FROM alpine:3.20\nRUN <<EOF\nFROM ubuntu\nEOF\n' },
    { name: 'tag pinned without digest is fine by default', code: 'FROM alpine:3.20\n' },
  ],
  invalid: [
    {
      name: 'no tag: reported at the image token',
      code: 'FROM ubuntu\nRUN echo hi\n',
      errors: [{ range: '0:5-0:11', messageIncludes: '"ubuntu"', data: { image: 'ubuntu' } }],
      output: null,
    },
    {
      name: ':latest',
      code: 'FROM alpine:latest AS base\n',
      errors: [{ range: '0:5-0:18', messageIncludes: ':latest' }],
    },
    {
      name: 'a registry port is not a tag',
      code: 'FROM registry:5000/app\n',
      errors: [{ range: '0:5-0:22', messageIncludes: 'registry:5000/app' }],
    },
    {
      name: 'ARG default without a tag, and each offending FROM',
      code: 'ARG BASE=node\nFROM ${BASE} AS build\nFROM --platform=$BUILDPLATFORM nginx:latest\n',
      errors: [{ range: '1:5-1:12', messageIncludes: '"node"' }, { range: '2:31-2:43' }],
    },
    {
      name: 'lowercase instruction, CRLF and a BOM',
      code: '\uFEFFfrom debian\r\nrun true\r\n',
      errors: [{ range: '0:6-0:12' }],
    },
    {
      name: 'requireDigest also reports tags',
      code: 'FROM alpine:3.20\nFROM alpine@sha256:abc\n',
      settings: { rules: { 'dockerfile/unpinned-base-image': { options: { requireDigest: true } } } },
      errors: [{ range: '0:5-0:16', messageIncludes: 'digest' }],
    },
    {
      name: 'escape directive and a FROM continued on the next line: reported on its first line',
      code: '# escape=`\nFROM `\n  ubuntu\n',
      errors: [{ range: '1:0-1:4' }],
    },
  ],
});
