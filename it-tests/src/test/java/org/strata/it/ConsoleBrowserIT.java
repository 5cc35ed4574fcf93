package org.strata.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** The console's status page in a real browser (Debian chromium, headless). */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleBrowserIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.strataEar();
    }

    private WebDriver browser;

    @BeforeEach
    void openBrowser() throws Exception {
        browser = Browser.open();
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void statusPageShowsTheRunningArchive() throws Exception {
        browser.get("http://admin:" + Deployments.adminPassword() + "@127.0.0.1:" + Deployments.httpPort() + "/strata/");
        assertEquals("Strata — archive status", browser.getTitle());
        assertEquals("STRATA", browser.findElement(By.id("aeTitle")).getText());
        assertEquals("active", browser.findElement(By.id("adapter")).getText());
        assertTrue(browser.findElement(By.id("persistence")).getText().startsWith("org.eclipse.persistence"));
        assertTrue(browser.findElement(By.id("database")).getText().startsWith("H2"));
        Browser.screenshot(browser, "console-status.png");
    }

    @Test
    void statusPageWithoutLoginShowsNoArchiveData() {
        browser.get("http://127.0.0.1:" + Deployments.httpPort() + "/strata/");
        assertTrue(browser.findElements(By.id("aeTitle")).isEmpty(), browser.getPageSource());
    }
}
