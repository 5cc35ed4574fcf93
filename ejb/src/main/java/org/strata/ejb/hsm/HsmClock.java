package org.strata.ejb.hsm;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.strata.ejb.config.SettingsService;

/**
 * The clock the tiering rules measure ages with: the system clock plus the setting
 * {@value #OFFSET_SETTING} (ISO-8601, e.g. {@code P30D}; absent: none). The offset exists for
 * tests and drills ("run the rules as if it were a month later"), so no test has to wait.
 */
@Stateless
@PermitAll
public class HsmClock {

    public static final String OFFSET_SETTING = "hsm.clock.offset";

    @EJB
    SettingsService settings;

    public Instant now() {
        return Instant.now().plus(offset());
    }

    public Duration offset() {
        return settings.get(OFFSET_SETTING).map(v -> {
            try {
                return Duration.parse(v.strip());
            } catch (DateTimeParseException e) {
                throw new HsmRequestException("setting " + OFFSET_SETTING + " is not an ISO-8601 duration: " + v);
            }
        }).orElse(Duration.ZERO);
    }
}
