package io.github.deletionguard.baseline;

import com.pulumi.aws.Provider;
import com.pulumi.aws.cloudformation.StackSet;
import com.pulumi.aws.cloudformation.StackSetArgs;
import com.pulumi.aws.cloudformation.StackSetInstance;
import com.pulumi.aws.cloudformation.StackSetInstanceArgs;
import com.pulumi.aws.cloudformation.inputs.StackSetAutoDeploymentArgs;
import com.pulumi.aws.cloudformation.inputs.StackSetInstanceDeploymentTargetsArgs;
import com.pulumi.aws.cloudformation.inputs.StackSetInstanceOperationPreferencesArgs;
import com.pulumi.aws.cloudformation.inputs.StackSetManagedExecutionArgs;
import com.pulumi.aws.cloudformation.inputs.StackSetOperationPreferencesArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.github.deletionguard.config.MemberBaseline;
import io.github.deletionguard.config.StackSetOperationPreferences;
import io.github.deletionguard.providers.ChildOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The member baseline for every account of the chosen OUs, now and later: two service-managed
 * StackSets with automatic deployment (CloudFormation deploys to each account that joins an OU
 * and removes the stacks from one that leaves), and their instances by OU and region. Pulumi
 * manages the StackSets, not the thousands of stacks, so registrations do not grow with the
 * accounts. Everything is {@code protect}ed: removing an OU or the section from config must be
 * an unprotect on purpose, not a diff that takes the guard out of a thousand accounts.
 */
public final class MemberBaselineStackSets extends ComponentResource {
    public static final String TYPE = "deletion-guard:baseline:MemberBaselineStackSets";
    public static final String PERMISSION_MODEL = "SERVICE_MANAGED";
    /** The roles have fixed names, which CloudFormation accepts only with this capability. */
    public static final String CAPABILITY = "CAPABILITY_NAMED_IAM";

    public MemberBaselineStackSets(String name, MemberBaselineStackSetsArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        Provider provider = ChildOptions.requireProvider(args.provider(), TYPE);
        MemberBaseline baseline = args.baseline();
        StackSet global = stackSet(name + "-global", args.names().globalBaselineStackSet(),
                "deletion-guard member baseline: IAM roles in every account of " + baseline.organizationalUnits(),
                args.templates().global(), baseline, provider);
        StackSet regional = stackSet(name + "-regional", args.names().regionalBaselineStackSet(),
                "deletion-guard member baseline: forwarding and remediation in " + baseline.regions()
                        + " of every account of " + baseline.organizationalUnits(),
                args.templates().regional(), baseline, provider);
        // Named by OU and region, not position: adding an OU or a region adds instances and replaces none.
        for (String unit : baseline.organizationalUnits()) {
            StackSetInstance roles = instance(name + "-global-" + unit, global, unit, BaselineTemplates.GLOBAL_REGION,
                    baseline, provider, List.of());
            for (String region : baseline.regions()) {
                // The rules' targets name the roles: the roles come first in every account of the OU.
                instance(name + "-regional-" + unit + "-" + region, regional, unit, region, baseline, provider, List.of(roles));
            }
        }
        registerOutputs(new TreeMap<>(Map.of("globalStackSetArn", global.arn(), "regionalStackSetArn", regional.arn())));
    }

    private StackSet stackSet(String logicalName, String physicalName, String description, String templateBody,
                              MemberBaseline baseline, Provider provider) {
        StackSetOperationPreferences preferences = baseline.operationPreferences();
        return new StackSet(logicalName, StackSetArgs.builder()
                .name(physicalName)
                .description(description)
                .permissionModel(PERMISSION_MODEL)
                .callAs(baseline.callAs())
                .autoDeployment(StackSetAutoDeploymentArgs.builder()
                        .enabled(true)
                        .retainStacksOnAccountRemoval(baseline.retainStacksOnAccountRemoval())
                        .build())
                .capabilities(CAPABILITY)
                // CloudFormation queues an operation that would conflict with one running, instead of failing it.
                .managedExecution(StackSetManagedExecutionArgs.builder().active(true).build())
                .operationPreferences(StackSetOperationPreferencesArgs.builder()
                        .regionConcurrencyType(preferences.regionConcurrencyType())
                        .failureTolerancePercentage(preferences.failureTolerancePercentage())
                        .maxConcurrentPercentage(preferences.maxConcurrentPercentage())
                        .build())
                .templateBody(templateBody)
                .build(), protectedOptions(provider, List.of()));
    }

    private StackSetInstance instance(String logicalName, StackSet stackSet, String organizationalUnit, String region,
                                      MemberBaseline baseline, Provider provider, List<Resource> dependsOn) {
        StackSetOperationPreferences preferences = baseline.operationPreferences();
        return new StackSetInstance(logicalName, StackSetInstanceArgs.builder()
                .stackSetName(stackSet.name())
                .callAs(baseline.callAs())
                .region(region)
                .deploymentTargets(StackSetInstanceDeploymentTargetsArgs.builder()
                        .organizationalUnitIds(organizationalUnit)
                        .build())
                .operationPreferences(StackSetInstanceOperationPreferencesArgs.builder()
                        .regionConcurrencyType(preferences.regionConcurrencyType())
                        .failureTolerancePercentage(preferences.failureTolerancePercentage())
                        .maxConcurrentPercentage(preferences.maxConcurrentPercentage())
                        .concurrencyMode(preferences.concurrencyMode())
                        .build())
                .retainStack(false)
                .build(), protectedOptions(provider, dependsOn));
    }

    private CustomResourceOptions protectedOptions(Provider provider, List<Resource> dependsOn) {
        return CustomResourceOptions.builder().parent(this).provider(provider).protect(true)
                .dependsOn(new ArrayList<>(dependsOn)).build();
    }}
