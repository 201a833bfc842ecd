package org.countyhealth;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A real Chromium (the machine's, never a downloaded one) walks the foundation: log in, open the
 * facility tree, open a township centre, log out. Screenshots land in target/screenshots.
 */
@IntegrationTest
class BrowserIT {

  @RegisterExtension static final Chromium chromium = new Chromium();

  @LocalServerPort int port;

  @Value("${countyhealth.demo.password:Zijin#County2026}")
  String password;

  @BeforeEach
  void freeTheLoopbackAddress() {
    LoopbackLogins.free();
  }

  @Test
  void managerLogsInBrowsesTheFacilityTreeAndLogsOut() {
    Page page = chromium.newPage();
    String base = "http://localhost:" + port;
    page.navigate(base + "/");
    assertThat(page).hasURL(base + "/login");
    page.getByLabel("用户名").fill("manager");
    page.getByLabel("密码").fill(password);
    page.getByRole(
            com.microsoft.playwright.options.AriaRole.BUTTON,
            new Page.GetByRoleOptions().setName("登录"))
        .click();
    assertThat(page.locator("h1")).containsText("您好");
    shot(page, "01-home");

    page.getByRole(
            com.microsoft.playwright.options.AriaRole.LINK,
            new Page.GetByRoleOptions().setName("机构").setExact(true))
        .click();
    assertThat(page.locator("h1")).containsText("机构");
    assertThat(page.locator("body")).containsText("紫金县人民医院");
    shot(page, "02-facility-tree");

    page.getByText("紫城镇卫生院").first().click();
    assertThat(page.locator("h1")).containsText("紫城镇卫生院");
    assertThat(page.locator("body")).containsText("村卫生站");
    shot(page, "03-township");

    page.getByRole(
            com.microsoft.playwright.options.AriaRole.BUTTON,
            new Page.GetByRoleOptions().setName("退出登录"))
        .click();
    assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login.*"));
    shot(page, "04-logged-out");
  }

  private static void shot(Page page, String name) {
    page.screenshot(
        new Page.ScreenshotOptions()
            .setPath(Path.of("target", "screenshots", name + ".png"))
            .setFullPage(true));
  }
}
