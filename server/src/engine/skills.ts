import type { LocalizedText } from './types';

export interface Skill {
  /** Section number of the seed chapter, e.g. `4.1.1`. */
  id: string;
  title: LocalizedText;
}

export interface SkillTopic {
  /** `<skill id>#<slug>`; the slug is the anchor of the topic's section on the skill page. */
  id: string;
  title: LocalizedText;
}

/** Topics that rules point at. A rule's `skill` must be one of these (a unit test checks it). */
export const TOPICS: readonly SkillTopic[] = [
  { id: '4.1.1#multi-stage-builds', title: { en: 'Multi-stage builds', ja: 'マルチステージビルド' } },
  { id: '4.1.1#image-pinning', title: { en: 'Pinning images and versions', ja: 'イメージとバージョンの固定' } },
  { id: '4.1.1#layer-hygiene', title: { en: 'Lean, cache-friendly layers', ja: '無駄がなくキャッシュの効くレイヤー' } },
  { id: '4.1.1#requests-and-limits', title: { en: 'Resource requests and limits', ja: 'リソースの requests と limits' } },
  { id: '4.1.1#health-probes', title: { en: 'Health checks and probes', ja: 'ヘルスチェックとプローブ' } },
  { id: '4.1.1#workload-reliability', title: { en: 'Reliable workload definitions', ja: '信頼できるワークロード定義' } },
  { id: '4.1.2#function-configuration', title: { en: 'Configuring functions', ja: '関数の設定' } },
  { id: '4.1.3#managed-service-settings', title: { en: 'Safe defaults for managed services', ja: 'マネージドサービスの安全な設定' } },
  { id: '4.1.3#tagging', title: { en: 'Tagging for ownership and cost', ja: '所有者とコストのためのタグ付け' } },
  { id: '4.2.2#version-pinning', title: { en: 'Pinning tool, provider and module versions', ja: 'ツール・プロバイダー・モジュールのバージョン固定' } },
  { id: '4.4.1#least-privilege', title: { en: 'Least privilege', ja: '最小権限' } },
  { id: '4.4.1#secrets-management', title: { en: 'Keeping secrets out of code and images', ja: 'シークレットをコードとイメージに含めない' } },
  { id: '4.4.1#supply-chain', title: { en: 'Software supply chain', ja: 'ソフトウェアサプライチェーン' } },
  { id: '4.4.1#network-exposure', title: { en: 'Network exposure', ja: 'ネットワークの公開範囲' } },
  { id: '4.4.1#encryption', title: { en: 'Encryption at rest and in transit', ja: '保存時と通信時の暗号化' } },
  { id: '4.4.1#container-isolation', title: { en: 'Container isolation', ja: 'コンテナの分離' } },
  { id: '4.4.2#segmentation', title: { en: 'Segmentation and explicit trust', ja: 'セグメンテーションと明示的な信頼' } },
  { id: '4.5.1#availability', title: { en: 'Availability and redundancy', ja: '可用性と冗長性' } },
  { id: '4.5.2#tracing', title: { en: 'Distributed tracing', ja: '分散トレーシング' } },
];

export function findTopic(topicId: string): SkillTopic | undefined {
  return TOPICS.find((topic) => topic.id === topicId);
}

/** The 17 sections of the source chapter; rules point at `<id>#<topic>`. */
export const SKILLS: readonly Skill[] = [
  { id: '4.1.1', title: { en: 'Containers and Kubernetes', ja: 'コンテナと Kubernetes' } },
  { id: '4.1.2', title: { en: 'Serverless computing', ja: 'サーバーレスコンピューティング' } },
  { id: '4.1.3', title: { en: 'Cloud provider services', ja: 'クラウドプロバイダーのサービス' } },
  { id: '4.2.1', title: { en: 'Scripting languages', ja: 'スクリプト言語' } },
  { id: '4.2.2', title: { en: 'Infrastructure as Code', ja: 'Infrastructure as Code' } },
  { id: '4.2.3', title: { en: 'CI/CD pipelines', ja: 'CI/CD パイプライン' } },
  { id: '4.3.1', title: { en: 'Modern protocols: HTTP/2 and gRPC', ja: 'モダンなプロトコル：HTTP/2 と gRPC' } },
  { id: '4.3.2', title: { en: 'API gateways and service mesh', ja: 'API ゲートウェイとサービスメッシュ' } },
  { id: '4.4.1', title: { en: 'Cloud, container and API security', ja: 'クラウド・コンテナ・API のセキュリティ' } },
  { id: '4.4.2', title: { en: 'Zero trust', ja: 'ゼロトラスト' } },
  { id: '4.5.1', title: { en: 'CAP theorem and consistency', ja: 'CAP 定理と整合性' } },
  { id: '4.5.2', title: { en: 'Distributed tracing and messaging', ja: '分散トレーシングとメッセージング' } },
  { id: '4.6.1', title: { en: 'Working closely with developers', ja: '開発チームとの密な連携' } },
  { id: '4.6.2', title: { en: 'Agile delivery', ja: 'アジャイルなデリバリー' } },
  { id: '4.6.3', title: { en: 'Communication and problem solving', ja: 'コミュニケーションと問題解決' } },
  { id: '4.7.1', title: { en: 'Keeping up with technology', ja: '技術トレンドへの追従' } },
  { id: '4.7.2', title: { en: 'Community and professional network', ja: 'コミュニティと専門家ネットワーク' } },
];

/** `4.1.1#multi-stage-builds` → `4.1.1`. */
export function skillIdOf(topic: string): string {
  return topic.split('#')[0];
}

export function findSkill(topicOrId: string): Skill | undefined {
  const id = skillIdOf(topicOrId);
  return SKILLS.find((skill) => skill.id === id);
}

/** Repository-relative paths of a skill's page. */
export function skillPagePaths(skillId: string): LocalizedText {
  return { en: `skills/${skillId}.en.md`, ja: `skills/${skillId}.ja.md` };
}
