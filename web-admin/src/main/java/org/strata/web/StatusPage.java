package org.strata.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.strata.ejb.system.SystemInfo;
import org.strata.ejb.system.SystemInfoService;

/** Backing bean of the console's start page. */
@Named
@RequestScoped
public class StatusPage {

    @Inject
    SystemInfoService systemInfoService;

    private SystemInfo info;

    public SystemInfo getInfo() {
        if (info == null) {
            info = systemInfoService.info();
        }
        return info;
    }
}
