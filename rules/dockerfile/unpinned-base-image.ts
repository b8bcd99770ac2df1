import { defineRule } from '../../server/src/engine/rule';
import { firstLineRange } from '../../server/src/engine/dockerfile/instructions';
import { expandVariables, knownVariables } from '../../server/src/engine/dockerfile/stages';

/** Tag and digest of an image reference; a `:` before the last `/` is a registry port, not a tag. */
export function imageReference(image: string): { repository: string; tag: string | undefined; digest: string | undefined } {
  const at = image.indexOf('@');
  const digest = at >= 0 ? image.slice(at + 1) : undefined;
  const withoutDigest = at >= 0 ? image.slice(0, at) : image;
  const colon = withoutDigest.lastIndexOf(':');
  const hasTag = colon > withoutDigest.lastIndexOf('/');
  return {
    repository: hasTag ? withoutDigest.slice(0, colon) : withoutDigest,
    tag: hasTag ? withoutDigest.slice(colon + 1) : undefined,
    digest,
  };
}

export default defineRule({
  id: 'dockerfile/unpinned-base-image',
  language: 'dockerfile',
  defaultSeverity: 'warning',
  skill: '4.1.1#image-pinning',
  title: { en: 'Pin base images to a version', ja: 'ベースイメージのバージョンを固定する' },
  messages: {
    noTag: {
      en: 'The base image "{image}" has no tag, so it means ":latest" and can change under you between builds. Pin a version tag such as "{image}:<version>", or a digest.',
      ja: 'ベースイメージ「{image}」にタグがないため「:latest」と同じ扱いになり、ビルドのたびに中身が変わり得ます。「{image}:<バージョン>」のようなバージョンタグかダイジェストで固定してください。',
    },
    latest: {
      en: 'The base image "{image}" uses the moving ":latest" tag. Replace it with a version tag (or a digest) so every build starts from the same image.',
      ja: 'ベースイメージ「{image}」は移動する「:latest」タグを使っています。毎回同じイメージからビルドされるよう、バージョンタグ（またはダイジェスト）に置き換えてください。',
    },
    noDigest: {
      en: 'The base image "{image}" is pinned by tag only, and tags can be re-pushed. Add its digest ("{image}@sha256:…") as your policy requires, and let a bot such as Renovate update it.',
      ja: 'ベースイメージ「{image}」はタグだけで固定されており、タグは再プッシュされ得ます。方針に従ってダイジェスト（「{image}@sha256:…」）を付け、Renovate などのボットで更新してください。',
    },
  },
  options: {
    requireDigest: {
      type: 'boolean',
      default: false,
      description: {
        en: 'Also report base images pinned by a tag without a digest.',
        ja: 'ダイジェストなしのタグだけで固定したベースイメージも報告する。',
      },
    },
  },
  peerIds: ['DL3006', 'DL3007'],
  check({ document, options, report }) {
    const globals = knownVariables(document, undefined);
    for (const stage of document.stages) {
      const written = stage.from.getImage();
      if (!written) continue;
      // `FROM ${BASE}` is judged with the ARG default; with no default we cannot know, so we stay quiet.
      const image = expandVariables(written, globals);
      if (!image) continue;
      const lower = image.toLowerCase();
      if (lower === 'scratch') continue;
      if (document.stages.some((earlier) => earlier.index < stage.index && earlier.name === lower)) continue;
      const { repository, tag, digest } = imageReference(image);
      if (digest) continue;
      // The image token when it is on the FROM line; a FROM continued onto the next line is reported on its first line.
      const imageRange = stage.from.getImageRange();
      const range = imageRange && imageRange.start.line === stage.from.getRange().start.line ? imageRange : firstLineRange(document, stage.from);
      const messageId = tag === undefined ? 'noTag' : tag.toLowerCase() === 'latest' ? 'latest' : options.requireDigest === true ? 'noDigest' : undefined;
      if (messageId) report({ range, messageId, args: { image: messageId === 'noDigest' ? image : repository }, data: { image } });
    }
  },
});
