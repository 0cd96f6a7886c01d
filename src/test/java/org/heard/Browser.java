package org.heard;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Real Chromium (Debian's, never a downloaded one) for the browser tests. Register it as a static
 * {@code @RegisterExtension} field: one Playwright and one browser serve a whole test class, every test
 * gets fresh browser contexts (separate cookies, so an agent and a customer never share a session), a
 * script error thrown in any page fails the test, and a failing test leaves a screenshot of each of its
 * pages under {@code target/screenshots/}, each with a log of what the page requested and which live updates it saw.
 */
public final class Browser implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static final List<String> CHROMIUM_FLAGS = List.of(
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync");

    /** Logs htmx's live-update events to the console, where {@link #record} hears them. */
    private static final String LIVE_EVENTS_TO_CONSOLE = """
            ["htmx:sseOpen", "htmx:sseError", "htmx:sseMessage", "htmx:beforeSwap", "htmx:afterSwap",
             "htmx:responseError", "htmx:sendError"].forEach(function (name) {
              document.addEventListener(name, function (event) {
                var d = event.detail || {};
                var target = event.target && event.target.id ? "#" + event.target.id : (event.target && event.target.tagName);
                console.debug("[live] " + name + " on " + target
                  + (d.type ? " type=" + d.type : "")
                  + (d.data ? " data=" + String(d.data).slice(0, 160) : "")
                  + (d.requestConfig ? " " + d.requestConfig.verb + " " + d.requestConfig.path : ""));
              }, true);
            });
            """;

    private Playwright playwright;
    private com.microsoft.playwright.Browser chromium;
    private final List<BrowserContext> contexts = new ArrayList<>();
    private final List<String> scriptErrors = new ArrayList<>();
    private final List<String> dialogs = new ArrayList<>();
    private final Map<Page, List<String>> pageLogs = new ConcurrentHashMap<>();
    private String base;
    private String testName;

    @Override
    public void beforeAll(ExtensionContext context) {
        // Live updates cross a webhook, the outbox and two event streams; give them more than 5 s on a busy machine.
        PlaywrightAssertions.setDefaultAssertionTimeout(10_000);
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        chromium = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(Paths.get(System.getProperty("heard.chromium", "/usr/bin/chromium")))
                        .setHeadless(true)
                        .setArgs(CHROMIUM_FLAGS));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        var port = SpringExtension.getApplicationContext(context)
                .getEnvironment()
                .getRequiredProperty("local.server.port");
        base = "http://127.0.0.1:" + port;
        testName = context.getRequiredTestClass().getSimpleName() + "-"
                + context.getRequiredTestMethod().getName();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        try {
            if (context.getExecutionException().isPresent()) {
                int n = 0;
                for (var browserContext : contexts) {
                    for (var page : browserContext.pages()) {
                        var name = "failed-" + testName + "-" + ++n;
                        screenshot(page, name);
                        writeLog(page, name);
                    }
                }
            }
        } finally {
            contexts.forEach(BrowserContext::close);
            contexts.clear();
            pageLogs.clear();
        }
        var errors = List.copyOf(scriptErrors);
        scriptErrors.clear();
        dialogs.clear();
        if (!errors.isEmpty() && context.getExecutionException().isEmpty()) {
            throw new AssertionError("Heard's pages threw in the browser: " + errors);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (playwright != null) {
            playwright.close();
        }
    }

    /** Heard's address, such as {@code http://127.0.0.1:41234}. */
    public String base() {
        return base;
    }

    /** A fresh desktop window (1280×800) with no one signed in: a customer, or an agent before sign-in. */
    public Page window() {
        return window(options -> {});
    }

    /** A fresh phone-sized window (390×844, touch). */
    public Page phone() {
        return window(options -> options.setViewportSize(390, 844)
                .setDeviceScaleFactor(2)
                .setIsMobile(true)
                .setHasTouch(true));
    }

    /** A fresh window with its own cookies; {@code options} may change its size, CSP handling and more. */
    public Page window(Consumer<com.microsoft.playwright.Browser.NewContextOptions> options) {
        var settings = new com.microsoft.playwright.Browser.NewContextOptions()
                .setBaseURL(base)
                .setViewportSize(1280, 800)
                .setLocale("en-GB")
                .setTimezoneId("Europe/London");
        options.accept(settings);
        var browserContext = chromium.newContext(settings);
        browserContext.setDefaultTimeout(10_000);
        contexts.add(browserContext);
        browserContext.addInitScript(LIVE_EVENTS_TO_CONSOLE);
        var page = browserContext.newPage();
        record(page);
        page.onPageError(scriptErrors::add);
        page.onDialog(dialog -> {
            dialogs.add(dialog.type() + ": " + dialog.message());
            dialog.dismiss();
        });
        return page;
    }

    /**
     * What a page did, for the log a failing test leaves beside its screenshot: every request with its answer and
     * timing, console lines, and the live-update events htmx saw (stream opened or failed, events, swaps), each with
     * the milliseconds since the window opened. A story that fails on a busy machine then says which update came when.
     */
    private void record(Page page) {
        var log = Collections.synchronizedList(new ArrayList<String>());
        pageLogs.put(page, log);
        var start = System.nanoTime();
        Consumer<String> add =
                line -> log.add(String.format("%7d ms  %s", (System.nanoTime() - start) / 1_000_000, line));
        page.onRequest(request -> add.accept("→ " + request.method() + " " + request.url()));
        // Only what the event carries is read here: a call back into the browser from a listener can outlive the page.
        page.onResponse(response -> add.accept("← " + response.status() + " " + response.url()));
        page.onRequestFailed(
                request -> add.accept("✗ " + request.method() + " " + request.url() + " " + request.failure()));
        page.onConsoleMessage(message -> add.accept(message.type() + ": " + message.text()));
        page.onFrameNavigated(frame -> {
            if (frame.parentFrame() == null) add.accept("navigated to " + frame.url());
        });
    }

    private void writeLog(Page page, String name) {
        var log = pageLogs.get(page);
        if (log == null) return;
        try {
            Files.write(SCREENSHOTS.resolve(name + ".log"), List.copyOf(log));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The alerts, confirms and prompts that pages of this test opened (each was dismissed). */
    public List<String> dialogs() {
        return List.copyOf(dialogs);
    }

    /** Signs in at {@code /login} on the given page as the admin and lands in the inbox. */
    public Page signInAsAgent(Page page) {
        return signIn(page, TestUsers.ADMIN_EMAIL, TestUsers.ADMIN_PASSWORD);
    }

    /** Signs in at {@code /login} on the given page as this person and lands in the inbox. */
    public Page signIn(Page page, String email, String password) {
        page.navigate("/login");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(password);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        page.waitForURL("**/inbox");
        return page;
    }

    /** Saves a full-window PNG as {@code target/screenshots/<name>.png}. */
    public static Path screenshot(Page page, String name) {
        var file = SCREENSHOTS.resolve(name + ".png");
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(file));
        return file;
    }
}
