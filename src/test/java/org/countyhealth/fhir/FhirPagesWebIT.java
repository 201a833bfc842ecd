package org.countyhealth.fhir;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import org.countyhealth.Chromium;
import org.countyhealth.IntegrationTest;
import org.countyhealth.LoopbackLogins;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The two FHIR pages in a real Chromium (the machine's): a village doctor uploads a small NDJSON
 * file and reads the report; an administrator registers a system client, sees its secret once and
 * revokes it. Bad input is answered beside the field, in Chinese. Screenshots land in
 * target/screenshots.
 */
@IntegrationTest
class FhirPagesWebIT {

  @RegisterExtension static final Chromium chromium = new Chromium();

  @LocalServerPort int port;

  @Value("${countyhealth.demo.password:Zijin#County2026}")
  String password;

  @BeforeEach
  void freeTheLoopbackAddress() {
    LoopbackLogins.free();
  }

  @Test
  void aVillageDoctorUploadsAFileAndReadsTheReport() {
    Page page = signIn("villagedoctor");
    page.navigate(base() + "/fhir-imports");
    assertThat(page.locator("h1")).hasText("FHIR 批量导入");

    // Nothing chosen: refused beside the field, no job.
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("上传并开始导入")).click();
    assertThat(page.locator("#files-error")).isVisible();
    assertThat(page.locator("#files-error")).containsText("请选择");
    shot(page, "fhir-import-01-empty");

    String unique = UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
    String good =
        "{\"resourceType\":\"Patient\",\"id\":\"p1\",\"identifier\":[{\"system\":\""
            + IdentifierSystems.HEALTH_CODE
            + "\",\"value\":\"HC"
            + unique
            + "\"}],\"name\":[{\"text\":\"导入测试"
            + "\"}],\"gender\":\"female\",\"birthDate\":\"1961-03-15\","
            + "\"telecom\":[{\"system\":\"phone\",\"value\":\"1390000"
            + unique.substring(0, 4).replaceAll("[A-F]", "7")
            + "\"}],\"address\":[{\"text\":\"紫金县测试村8号\"}]}";
    String noBirthDate =
        "{\"resourceType\":\"Patient\",\"id\":\"p2\",\"name\":[{\"text\":\"缺生日\"}],"
            + "\"gender\":\"male\"}";
    String location = "{\"resourceType\":\"Location\",\"id\":\"l1\",\"name\":\"诊室\"}";
    page.locator("#files")
        .setInputFiles(
            new FilePayload(
                "village-export.ndjson",
                "application/x-ndjson",
                String.join("\n", good, noBirthDate, location).getBytes(StandardCharsets.UTF_8)));
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("上传并开始导入")).click();

    assertThat(page.locator("h1")).containsText("导入任务 #");
    Locator bar = page.getByRole(AriaRole.PROGRESSBAR);
    assertThat(bar).hasAttribute("aria-valuenow", "100");
    assertThat(page.locator("#status")).hasText("已完成");
    // The bar is drawn full, not only labelled 100% (the CSP forbids inline widths).
    double filled =
        ((Number)
                page.evaluate(
                    "() => { const b = document.querySelector('.progress-bar');"
                        + " return b.getBoundingClientRect().width"
                        + " / b.parentElement.getBoundingClientRect().width; }"))
            .doubleValue();
    org.assertj.core.api.Assertions.assertThat(filled).isGreaterThan(0.95);
    assertThat(page.locator("#created")).hasText("1");
    assertThat(page.locator("#rejected")).hasText("1");
    assertThat(page.locator("#skipped")).containsText("Location × 1");
    page.reload();
    Locator rejected = page.locator("table tbody tr").first();
    assertThat(rejected).containsText("village-export.ndjson");
    assertThat(rejected).containsText("Patient");
    assertThat(rejected).containsText("出生日期");
    shot(page, "fhir-import-02-report");

    // A file that is not FHIR at all: refused beside the field in Chinese, no job, no trace.
    page.navigate(base() + "/fhir-imports");
    page.locator("#files")
        .setInputFiles(
            new FilePayload(
                "notes.txt", "text/plain", "患者名单：张三、李四".getBytes(StandardCharsets.UTF_8)));
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("上传并开始导入")).click();
    assertThat(page.locator("#files-error")).isVisible();
    assertThat(page.locator("#files-error")).containsText("“notes.txt”不是 FHIR 数据文件");
    assertThat(page.locator("body")).not().containsText("Exception");
    assertThat(page.locator("body")).not().containsText("HAPI-");
    shot(page, "fhir-import-03-not-fhir");
  }

  @Test
  void anAdministratorRegistersAClientSeesTheSecretOnceAndRevokesIt() {
    Page page = signIn("admin");
    page.navigate(base() + "/system-clients");
    assertThat(page.locator("h1")).containsText("系统客户端");

    // Nothing filled in: the message stands beside the field.
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登记").setExact(true))
        .click();
    assertThat(page.locator("#name-error")).hasText("请填写系统名称（1–100 个字）");
    assertThat(page.locator("#facilityCode-error")).hasText("请选择所属机构");
    assertThat(page.locator("#privileges-error")).hasText("请至少授予一项接口权限");
    assertThat(page.getByLabel("系统名称")).hasAttribute("aria-describedby", "name-error");
    shot(page, "system-clients-01-empty");

    String name = "测试 HIS " + UUID.randomUUID().toString().substring(0, 6);
    page.getByLabel("系统名称").fill(name);
    page.getByLabel("所属机构")
        .selectOption(new com.microsoft.playwright.options.SelectOption().setIndex(1));
    page.getByLabel("查看居民档案").check();
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登记").setExact(true))
        .click();

    assertThat(page.locator("#registered")).containsText("密钥仅显示这一次");
    String clientId = page.locator("#client-id").textContent().strip();
    String secret = page.locator("#client-secret").textContent().strip();
    org.assertj.core.api.Assertions.assertThat(secret).hasSizeGreaterThan(20);
    Locator row = page.locator("tr", new Page.LocatorOptions().setHasText(clientId));
    assertThat(row).containsText(name);
    assertThat(row).containsText("有效");
    shot(page, "system-clients-02-registered");

    // The secret is shown once: the list page does not show it again.
    page.navigate(base() + "/system-clients");
    assertThat(page.locator("body")).not().containsText(secret);
    assertThat(page.locator("#registered")).hasCount(0);

    page.onceDialog(dialog -> dialog.accept());
    page.locator("tr", new Page.LocatorOptions().setHasText(clientId))
        .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("吊销"))
        .click();
    assertThat(page.locator(".alert-success")).containsText("已吊销");
    assertThat(page.locator("tr", new Page.LocatorOptions().setHasText(clientId)))
        .containsText("已吊销");
    shot(page, "system-clients-03-revoked");
  }

  private Page signIn(String username) {
    Page page = chromium.newPage();
    page.navigate(base() + "/login");
    page.getByLabel("用户名").fill(username);
    page.getByLabel("密码").fill(password);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
    assertThat(page.locator("h1")).containsText("您好");
    return page;
  }

  private String base() {
    return "http://localhost:" + port;
  }

  private static void shot(Page page, String name) {
    page.screenshot(
        new Page.ScreenshotOptions()
            .setPath(Path.of("target", "screenshots", name + ".png"))
            .setFullPage(true));
  }
}
