import { defineRule } from '../../server/src/engine/rule';
import { containers } from '../../server/src/engine/kubernetes/workloads';
import { mapValue, scalarOf } from '../../server/src/engine/kubernetes/yaml-ast';

export type ImagePin = 'digest' | 'tag' | 'latest' | 'untagged';

/**
 * How an image reference is pinned. A digest pins whatever the tag says; the tag is what follows the last
 * `:` of the last path segment, so `registry:5000/app` has a registry port but no tag.
 */
export function imagePin(image: string): ImagePin {
  if (image.includes('@')) return 'digest';
  const lastSegment = image.slice(image.lastIndexOf('/') + 1);
  const colon = lastSegment.lastIndexOf(':');
  if (colon < 0) return 'untagged';
  return lastSegment.slice(colon + 1) === 'latest' ? 'latest' : 'tag';
}

export default defineRule({
  id: 'kubernetes/image-latest-tag',
  language: 'kubernetes',
  defaultSeverity: 'warning',
  skill: '4.1.1#image-pinning',
  title: { en: 'Pin container images to a version or digest', ja: 'コンテナイメージをバージョンかダイジェストで固定する' },
  messages: {
    latest: {
      en: 'Container "{container}" uses "{image}": the :latest tag moves, so two nodes can run different code and a rollback cannot return to the old one. Pin a version tag or a digest (@sha256:…).',
      ja: 'コンテナ「{container}」は「{image}」を使っています。:latest タグは動くため、ノードごとに別のコードが動いたり、ロールバックで元に戻れなかったりします。バージョンタグかダイジェスト（@sha256:…）で固定してください。',
    },
    untagged: {
      en: 'Container "{container}" uses "{image}" without a tag, which means :latest: the code that runs changes whenever the image is pushed. Pin a version tag or a digest (@sha256:…).',
      ja: 'コンテナ「{container}」はタグなしの「{image}」を使っています。これは :latest と同じで、イメージが push されるたびに動くコードが変わります。バージョンタグかダイジェスト（@sha256:…）で固定してください。',
    },
  },
  peerIds: ['latest-tag'],
  check({ document, report }) {
    for (const ref of containers(document)) {
      const image = scalarOf(mapValue(ref.workload.manifest.yaml, ref.container, 'image'));
      // Variables (`$(IMAGE)`, `${TAG}`) are filled in by a tool before apply; the final reference is unknown here.
      if (typeof image !== 'string' || image.trim() === '' || image.includes('$')) continue;
      const pin = imagePin(image.trim());
      if (pin !== 'latest' && pin !== 'untagged') continue;
      report({ range: ref.reportRange, messageId: pin, args: { container: ref.name ?? '(unnamed)', image }, data: { container: ref.name ?? null, image } });
    }
  },
});
