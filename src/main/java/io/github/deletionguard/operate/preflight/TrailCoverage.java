package io.github.deletionguard.operate.preflight;

import io.github.deletionguard.awsapi.AwsService;
import software.amazon.awssdk.services.cloudtrail.model.AdvancedEventSelector;
import software.amazon.awssdk.services.cloudtrail.model.AdvancedFieldSelector;
import software.amazon.awssdk.services.cloudtrail.model.EventSelector;
import software.amazon.awssdk.services.cloudtrail.model.GetEventSelectorsResponse;
import software.amazon.awssdk.services.cloudtrail.model.ReadWriteType;

import java.util.List;

/**
 * Whether a trail's event selectors record KMS and Secrets Manager management events, read and
 * write. KMS's read events (Decrypt of a key pending deletion) carry the alarms, and a trail may
 * exclude {@code kms.amazonaws.com} to save cost, which blinds both the alarms and EventBridge.
 */
final class TrailCoverage {
    static final String KMS = AwsService.KMS.eventSource();
    static final String SECRETS_MANAGER = AwsService.SECRETS_MANAGER.eventSource();

    private TrailCoverage() {
    }

    /** Empty when covered; otherwise what is missing. */
    static String gap(GetEventSelectorsResponse selectors) {
        if (selectors.hasAdvancedEventSelectors() && !selectors.advancedEventSelectors().isEmpty()) {
            return selectors.advancedEventSelectors().stream().anyMatch(TrailCoverage::coversAdvanced) ? ""
                    : "no advanced event selector records all management events of KMS and Secrets Manager";
        }
        for (EventSelector selector : selectors.eventSelectors()) {
            if (!Boolean.TRUE.equals(selector.includeManagementEvents())) {
                continue;
            }
            if (selector.readWriteType() != ReadWriteType.ALL) {
                return "management events are " + selector.readWriteTypeAsString() + " only";
            }
            if (selector.excludeManagementEventSources().contains(KMS)) {
                return "excludes " + KMS;
            }
            return "";
        }
        return "records no management events";
    }

    /** Management events, no read-only filter, and no field that leaves out KMS or Secrets Manager. */
    private static boolean coversAdvanced(AdvancedEventSelector selector) {
        List<AdvancedFieldSelector> fields = selector.fieldSelectors();
        boolean management = fields.stream().anyMatch(field -> field.field().equals("eventCategory")
                && field.equalsValue().contains("Management"));
        boolean readOnlyFiltered = fields.stream().anyMatch(field -> field.field().equals("readOnly"));
        boolean leavesOut = fields.stream().filter(field -> field.field().equals("eventSource")).anyMatch(field ->
                field.notEquals().contains(KMS) || field.notEquals().contains(SECRETS_MANAGER)
                        || (field.hasEqualsValue() && !(field.equalsValue().contains(KMS) && field.equalsValue().contains(SECRETS_MANAGER))));
        return management && !readOnlyFiltered && !leavesOut;
    }
}
