import { ruleTester } from '../../../helpers/rule-tester';

ruleTester('dockerfile/ssh-port-exposed', {
  valid: [
    { name: 'web port', code: 'FROM nginx:1.27\nEXPOSE 80 443\n' },
    { name: '2222 is not 22', code: 'FROM alpine:3.20\nEXPOSE 2222\n' },
    { name: 'UDP 22 is not SSH', code: 'FROM alpine:3.20\nEXPOSE 22/udp\n' },
    { name: 'unknown variable', code: 'FROM alpine:3.20\nARG PORT\nEXPOSE $PORT\n' },
  ],
  invalid: [
    { name: 'EXPOSE 22', code: 'FROM alpine:3.20\nEXPOSE 22\n', errors: [{ range: '1:0-1:9' }], output: null },
    { name: '22/tcp among others, lowercase', code: 'FROM alpine:3.20\nexpose 80 22/tcp\n', errors: [{ range: '1:0-1:16' }] },
    { name: 'a range that covers 22', code: 'FROM alpine:3.20\nEXPOSE 20-25\n', errors: [{ range: '1:0-1:12' }] },
    { name: 'from an ARG default', code: 'FROM alpine:3.20\nARG SSH_PORT=22\nEXPOSE ${SSH_PORT}\n', errors: [{ range: '2:0-2:18' }] },
  ],
});
