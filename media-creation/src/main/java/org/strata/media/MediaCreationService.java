package org.strata.media;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import java.util.List;

/** Media creation (PS3.4 Annex S): the application profiles this archive can write. */
@Stateless
@PermitAll
public class MediaCreationService {

    public List<MediaApplicationProfile> profiles() {
        return List.of(MediaApplicationProfile.values());
    }
}
