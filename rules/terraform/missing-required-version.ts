import { defineRule } from '../../server/src/engine/rule';
import { settingEdit } from '../../server/src/engine/terraform/checks';
import { headerRange, moduleBlocks } from '../../server/src/engine/terraform/resources';

export default defineRule({
  id: 'terraform/missing-required-version',
  language: 'terraform',
  defaultSeverity: 'info',
  skill: '4.2.2#version-pinning',
  title: { en: 'Declare the Terraform versions a configuration supports', ja: '構成が対応する Terraform のバージョンを宣言する' },
  messages: {
    missing: {
      en: 'This terraform block does not say which Terraform versions the code works with, so an older or much newer CLI runs it anyway. Add required_version (e.g. "{constraint}").',
      ja: 'この terraform ブロックには、コードが動作する Terraform のバージョンが書かれていないため、古すぎる CLI や新しすぎる CLI でもそのまま実行されます。required_version（例: "{constraint}"）を追加してください。',
    },
  },
  options: {
    constraint: {
      type: 'string',
      default: '>= 1.0',
      description: {
        en: 'The constraint the quick fix writes; use the oldest Terraform version your team and CI run.',
        ja: 'クイックフィックスが書き込む制約。チームと CI が使う最も古い Terraform のバージョンにしてください。',
      },
    },
  },
  fixable: 'quickfix',
  peerIds: ['terraform_required_version'],
  check({ document, options, report }) {
    const terraformBlocks = moduleBlocks(document, 'terraform');
    // Terraform merges every terraform block of the module: one required_version anywhere is enough.
    if (terraformBlocks.some(({ block }) => block.attributes.has('required_version'))) return;
    const constraint = typeof options.constraint === 'string' && options.constraint.trim() !== '' ? options.constraint : '>= 1.0';
    for (const { block, file } of terraformBlocks) {
      if (file !== document && file.path !== document.path) continue;
      report({
        range: headerRange(document, block),
        messageId: 'missing',
        args: { constraint },
        data: { attribute: 'required_version', value: JSON.stringify(constraint), literal: true },
      });
    }
  },
  fix({ document, finding }) {
    const edit = settingEdit(document, finding);
    return edit ? { title: { en: 'Add required_version', ja: 'required_version を追加する' }, edits: [edit] } : undefined;
  },
});
