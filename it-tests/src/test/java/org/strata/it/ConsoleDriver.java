package org.strata.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Drives the console in a real browser the way an administrator does: logs in, follows the
 * navigation, types into labelled fields and clicks buttons, waiting for each page to load.
 */
final class ConsoleDriver implements AutoCloseable {

    private final WebDriver browser;

    private ConsoleDriver(WebDriver browser) {
        this.browser = browser;
    }

    /** Opens the browser and logs in as the administrator (HTTP basic, credentials in the first URL). */
    static ConsoleDriver loggedIn() throws Exception {
        ConsoleDriver d = new ConsoleDriver(Browser.open());
        d.browser.get("http://admin:" + Deployments.adminPassword() + "@127.0.0.1:" + Deployments.httpPort() + "/strata/");
        assertTrue(d.browser.getTitle().startsWith("Strata"), d.browser.getPageSource());
        return d;
    }

    /** Follows a link of the shared navigation, as a user does. */
    void navigate(String linkText) {
        click(browser.findElement(By.linkText(linkText)));
    }

    String title() {
        return browser.getTitle();
    }

    void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    void select(String id, String visibleText) {
        new Select(browser.findElement(By.id(id))).selectByVisibleText(visibleText);
    }

    /** Sets a checkbox by clicking it when it is not in the wanted state. */
    void check(String id, boolean checked) {
        WebElement box = browser.findElement(By.id(id));
        if (box.isSelected() != checked) {
            box.click();
        }
    }

    String value(String id) {
        return browser.findElement(By.id(id)).getDomProperty("value");
    }

    /** Clicks a button by id and waits for the page that answers. */
    void click(String id) {
        click(browser.findElement(By.id(id)));
    }

    /** Clicks the button with this title (row actions: "Edit X", "Delete X") and waits for the answer. */
    void clickTitled(String title) {
        click(browser.findElement(By.cssSelector("[title='" + title + "']")));
    }

    /** Clicks a button that asks for confirmation, accepts, and waits for the answer. */
    void clickTitledAndConfirm(String title) {
        WebElement html = browser.findElement(By.tagName("html"));
        browser.findElement(By.cssSelector("[title='" + title + "']")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.alertIsPresent()).accept();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(replaced(html));
    }

    private void click(WebElement element) {
        WebElement html = browser.findElement(By.tagName("html"));
        element.click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(replaced(html));
    }

    /**
     * The page's old root element is gone: stale, or, when chromedriver asks about it while the new
     * document replaces the old one, "Node with given id does not belong to the document" (an
     * inspector error, not a StaleElementReferenceException).
     */
    private static org.openqa.selenium.support.ui.ExpectedCondition<Boolean> replaced(WebElement old) {
        return driver -> {
            try {
                old.isEnabled();
                return false;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return true;
            } catch (org.openqa.selenium.WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        };
    }

    /** The Faces messages shown, one per entry. */
    List<String> messages() {
        return browser.findElements(By.cssSelector("ul.messages li")).stream().map(WebElement::getText).toList();
    }

    /** Texts of the elements of a CSS class, in page order (e.g. a table column). */
    List<String> texts(String cssClass) {
        return browser.findElements(By.className(cssClass)).stream().map(WebElement::getText).toList();
    }

    boolean hasTitled(String title) {
        return !browser.findElements(By.cssSelector("[title='" + title + "']")).isEmpty();
    }

    /** The natural width of an image once the browser has loaded it; 0 when it could not be loaded. */
    long imageWidth(String css) {
        WebElement img = browser.findElement(By.cssSelector(css));
        JavascriptExecutor js = (JavascriptExecutor) browser;
        new WebDriverWait(browser, Duration.ofSeconds(60))
                .until(d -> Boolean.TRUE.equals(js.executeScript("return arguments[0].complete", img)));
        return ((Number) js.executeScript("return arguments[0].naturalWidth", img)).longValue();
    }

    List<WebElement> all(String css) {
        return browser.findElements(By.cssSelector(css));
    }

    String source() {
        return browser.getPageSource();
    }

    /**
     * The accessibility the console promises: every visible input has a label, every table
     * header cells and a caption, no stack trace on the page.
     */
    void assertAccessible() {
        for (WebElement input : browser.findElements(By.cssSelector("input:not([type=hidden]):not([type=submit]), select, textarea"))) {
            String id = input.getDomAttribute("id");
            assertFalse(browser.findElements(By.cssSelector("label[for='" + id + "']")).isEmpty(),
                    "no label for input " + id);
        }
        for (WebElement table : browser.findElements(By.tagName("table"))) {
            assertFalse(table.findElements(By.tagName("th")).isEmpty(), "table without header cells");
            assertFalse(table.findElements(By.tagName("caption")).isEmpty(), "table without caption");
        }
        String page = browser.getPageSource();
        assertFalse(page.matches("(?s).*\\bat (org|java|jakarta)\\.[\\w.$]+\\(.*") || page.contains("Caused by:"),
                "a stack trace is shown");
        assertTrue(browser.findElements(By.cssSelector("nav a")).size() >= 7, "the shared navigation is there");
    }

    void screenshot(String name) throws Exception {
        Browser.screenshot(browser, name);
    }

    @Override
    public void close() {
        browser.quit();
    }
}
