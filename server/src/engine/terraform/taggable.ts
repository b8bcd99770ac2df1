import type { HclBlock } from './hcl';

/**
 * AWS resource types that take a `tags` argument. Not every AWS resource can be tagged (attachments, rules,
 * associations, policies of a bucket…), so this is a list of the common ones rather than a prefix match:
 * a rule that asks for tags on a resource without them would be noise.
 */
const AWS_TAGGABLE = new Set([
  'aws_acm_certificate', 'aws_alb', 'aws_alb_target_group', 'aws_api_gateway_rest_api', 'aws_api_gateway_stage',
  'aws_apigatewayv2_api', 'aws_apigatewayv2_stage', 'aws_appautoscaling_target', 'aws_athena_workgroup', 'aws_backup_plan',
  'aws_backup_vault', 'aws_batch_compute_environment', 'aws_cloudfront_distribution', 'aws_cloudtrail', 'aws_cloudwatch_event_rule',
  'aws_cloudwatch_log_group', 'aws_cloudwatch_metric_alarm', 'aws_codebuild_project', 'aws_codecommit_repository',
  'aws_codedeploy_app', 'aws_codedeploy_deployment_group', 'aws_codepipeline', 'aws_cognito_user_pool', 'aws_customer_gateway',
  'aws_db_cluster_snapshot', 'aws_db_instance', 'aws_db_option_group', 'aws_db_parameter_group', 'aws_db_snapshot',
  'aws_db_subnet_group', 'aws_default_network_acl', 'aws_default_route_table', 'aws_default_security_group', 'aws_default_vpc',
  'aws_directory_service_directory', 'aws_dms_replication_instance', 'aws_docdb_cluster', 'aws_dynamodb_table', 'aws_ebs_snapshot',
  'aws_ebs_volume', 'aws_ec2_transit_gateway', 'aws_ecr_repository', 'aws_ecs_cluster', 'aws_ecs_service', 'aws_ecs_task_definition',
  'aws_efs_access_point', 'aws_efs_file_system', 'aws_egress_only_internet_gateway', 'aws_eip', 'aws_eks_addon', 'aws_eks_cluster',
  'aws_eks_fargate_profile', 'aws_eks_identity_provider_config', 'aws_eks_node_group', 'aws_eks_pod_identity_association',
  'aws_elasticache_cluster', 'aws_elasticache_replication_group', 'aws_elasticache_subnet_group', 'aws_elasticsearch_domain',
  'aws_elb', 'aws_emr_cluster', 'aws_flow_log', 'aws_glue_job', 'aws_iam_instance_profile', 'aws_iam_openid_connect_provider',
  'aws_iam_policy', 'aws_iam_role', 'aws_iam_user', 'aws_instance', 'aws_internet_gateway', 'aws_key_pair', 'aws_kinesis_firehose_delivery_stream',
  'aws_kinesis_stream', 'aws_kms_key', 'aws_lambda_function', 'aws_launch_template', 'aws_lb', 'aws_lb_listener', 'aws_lb_listener_rule',
  'aws_lb_target_group', 'aws_lb_trust_store', 'aws_mq_broker', 'aws_msk_cluster', 'aws_nat_gateway', 'aws_neptune_cluster',
  'aws_neptune_cluster_instance', 'aws_network_acl', 'aws_network_interface', 'aws_opensearch_domain', 'aws_placement_group',
  'aws_rds_cluster', 'aws_rds_cluster_instance', 'aws_rds_cluster_parameter_group', 'aws_redshift_cluster', 'aws_redshift_subnet_group',
  'aws_route53_zone', 'aws_route_table', 'aws_s3_bucket', 'aws_sagemaker_endpoint', 'aws_sagemaker_notebook_instance',
  'aws_secretsmanager_secret', 'aws_security_group', 'aws_sfn_state_machine', 'aws_sns_topic', 'aws_sqs_queue', 'aws_ssm_document',
  'aws_ssm_parameter', 'aws_subnet', 'aws_vpc', 'aws_vpc_dhcp_options', 'aws_vpc_endpoint', 'aws_vpc_ipam', 'aws_vpc_ipam_pool',
  'aws_vpc_peering_connection', 'aws_vpc_security_group_egress_rule', 'aws_vpc_security_group_ingress_rule', 'aws_vpn_connection',
  'aws_vpn_gateway', 'aws_wafv2_ip_set', 'aws_wafv2_web_acl',
]);

/** Google resource types that take `labels` (GKE clusters call theirs `resource_labels`). */
const GOOGLE_LABELLED: Record<string, string> = {
  google_bigquery_dataset: 'labels', google_bigquery_table: 'labels', google_bigtable_instance: 'labels',
  google_cloud_run_v2_job: 'labels', google_cloud_run_v2_service: 'labels', google_cloudfunctions2_function: 'labels',
  google_cloudfunctions_function: 'labels', google_compute_address: 'labels', google_compute_disk: 'labels',
  google_compute_forwarding_rule: 'labels', google_compute_global_address: 'labels', google_compute_global_forwarding_rule: 'labels',
  google_compute_image: 'labels', google_compute_instance: 'labels', google_compute_instance_template: 'labels',
  google_compute_snapshot: 'labels', google_container_cluster: 'resource_labels', google_dataproc_cluster: 'labels',
  google_filestore_instance: 'labels', google_kms_crypto_key: 'labels', google_pubsub_subscription: 'labels',
  google_pubsub_topic: 'labels', google_redis_instance: 'labels', google_secret_manager_secret: 'labels',
  google_spanner_instance: 'labels', google_storage_bucket: 'labels',
};

export type TagCloud = 'aws' | 'azure' | 'google';

/** The argument that holds a resource's tags (and its cloud), or undefined when it takes none. */
export function tagArgument(resource: HclBlock): { cloud: TagCloud; argument: string } | undefined {
  const type = resource.labels[0] ?? '';
  if (AWS_TAGGABLE.has(type)) return { cloud: 'aws', argument: 'tags' };
  if (Object.hasOwn(GOOGLE_LABELLED, type)) return { cloud: 'google', argument: GOOGLE_LABELLED[type] };
  // Azure resources that live in a region (they have `location`) are tracked ARM resources, which all take tags.
  if (type.startsWith('azurerm_') && resource.attributes.has('location')) return { cloud: 'azure', argument: 'tags' };
  return undefined;
}
