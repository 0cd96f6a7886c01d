package org.heard.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** A customer on the sandbox network's page, {@code /sandbox}, as a person would use it. */
final class SandboxCustomer {

    final Page page;

    SandboxCustomer(Page page) {
        this.page = page;
    }

    SandboxCustomer open() {
        page.navigate("/sandbox");
        return this;
    }

    /** Posts in public as the persona with this handle, and waits until the post is on the timeline. */
    SandboxCustomer post(String handle, String text) {
        return write(handle, text, false);
    }

    /** Messages the brand privately, and waits until the message is listed. */
    SandboxCustomer message(String handle, String text) {
        return write(handle, text, true);
    }

    private SandboxCustomer write(String handle, String text, boolean isPrivate) {
        page.locator("#author").selectOption(handle);
        page.getByLabel("Private message to the brand").setChecked(isPrivate);
        page.locator("#post-text").fill(text);
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Post").setExact(true))
                .click();
        assertThat((isPrivate ? privateMessages() : timeline())
                        .getByText(text, new Locator.GetByTextOptions().setExact(true)))
                .isVisible();
        return this;
    }

    Locator timeline() {
        return page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Public timeline"));
    }

    Locator privateMessages() {
        return page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Private messages"));
    }

    /** The public thread that a post with this text started. */
    Locator thread(String text) {
        return page.locator(".sandbox-thread").filter(new Locator.FilterOptions().setHasText(text));
    }
}
