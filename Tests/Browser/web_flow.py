"""The three roles of the web application in headless Chromium (see web-browser-test.sh).

Every step checks what the page shows; any failure raises, and the script exits non-zero.
"""
import shutil
import sys
import time

from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

BASE, SHOTS = sys.argv[1], sys.argv[2]
PROVINCES = sys.argv[3] if len(sys.argv) > 3 else None
PASSWORD = "browser-pass-1"


def browser():
    options = webdriver.ChromeOptions()
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1366,768",
                 "--lang=vi"):
        options.add_argument(flag)
    binary = shutil.which("chromium")
    if binary:
        options.binary_location = binary
    return webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)


def expect(driver, text, seconds=15):
    """Waits until the page shows the text (a click's navigation may still be under way)."""
    deadline = time.time() + seconds
    body = ""
    while time.time() < deadline:
        try:
            body = driver.find_element(By.TAG_NAME, "body").text
            if text in body:
                return
        except WebDriverException:
            pass  # the old page went away while it was being read
        time.sleep(0.1)
    raise AssertionError(f"{driver.current_url}: expected {text!r} on the page; it shows:\n{body[:2000]}")


def login(driver, name):
    driver.get(BASE + "/login")
    driver.find_element(By.ID, "name").send_keys(name)
    driver.find_element(By.ID, "password").send_keys(PASSWORD)
    driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    # Wait for the sign-in's redirect: a page opened before it arrives would abort it, without the session.
    deadline = time.time() + 15
    while "/login" in driver.current_url and time.time() < deadline:
        time.sleep(0.1)
    if "/login" in driver.current_url:
        raise AssertionError(f"sign-in of {name} did not leave the sign-in page: {driver.find_element(By.TAG_NAME, 'body').text[:500]}")


def logout(driver):
    driver.find_element(By.CSS_SELECTOR, "header form button").click()
    expect(driver, "Đăng nhập")


def full_page_screenshot(driver, path):
    """The whole page at 1366 px wide (at most 2400 px of page): the window is made as tall as the document plus
    the browser's own bars (headless Chromium keeps about 140 px of the window for them, so a window exactly as
    tall as the page cut its last 140 px off), measured again after the resize (a page's height can follow the
    window's)."""
    driver.set_window_size(1366, 768)
    chrome = driver.execute_script("return window.outerHeight - window.innerHeight")
    height = 768
    for _ in range(3):
        driver.set_window_size(1366, min(max(768, height), 2400) + chrome)
        measured = driver.execute_script(
            "return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)")
        if measured <= height:
            break
        height = measured
    driver.save_screenshot(path)
    driver.set_window_size(1366, 768)


def both_widths(driver, name):
    """Screenshots at 1366x768 (the whole page, at most 2400 px tall) and on a 390x844 phone; on the phone the
    page itself must not be wider than the screen (wide tables scroll inside their own box)."""
    full_page_screenshot(driver, f"{SHOTS}/{name}.png")
    driver.set_window_size(390, 844)
    width = driver.execute_script("return document.documentElement.scrollWidth")
    if width > 420:
        raise AssertionError(f"{driver.current_url} is {width} px wide on a 390 px phone screen")
    driver.save_screenshot(f"{SHOTS}/{name}-phone.png")
    driver.set_window_size(1366, 768)


driver = browser()
try:
    # The agency, on a 390x844 phone: change a number, a yes/no radio and a choice (SNV's imported draft has staff
    # 112, a security plan, the head as chair), save, reload, check.
    driver.set_window_size(390, 844)
    login(driver, "snv")
    expect(driver, "Tự đánh giá 2025")
    expect(driver, "Hạ tầng kỹ thuật — tối đa 20 điểm")
    before = {key: driver.find_element(By.ID, key).text for key in ("progress", "progress-p-infra", "progress-p-hr")}
    staff = driver.find_element(By.ID, "in-staff")
    staff.clear()
    staff.send_keys("120")
    no = driver.find_element(By.ID, "in-security_plan-1")  # "Không"
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", no)
    no.click()
    Select(driver.find_element(By.ID, "in-steering_chair")).select_by_value("deputy")
    for details in driver.find_elements(By.TAG_NAME, "details"):
        driver.execute_script("arguments[0].open = true", details)
    for field in driver.find_elements(By.CSS_SELECTOR, "input[name$='.title']"):
        if not field.get_attribute("value"):
            field.send_keys("Quyết định 12/QĐ-SNV về chuyển đổi số")
    width = driver.execute_script("return document.documentElement.scrollWidth")
    if width > 420:
        raise AssertionError(f"the filled form is {width} px wide on a 390 px phone screen")
    save = driver.find_element(By.ID, "save")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", save)
    save.click()
    # Three values changed, and the others whose evidence got a title: nothing new, nothing removed.
    expect(driver, "Đã lưu: 0 giá trị mới,")
    expect(driver, "thay đổi, 0 bị xóa.")
    expect(driver, "Điểm tạm tính")
    # After a reload: the saved values, the status and the progress (the form's and each group's).
    driver.refresh()
    expect(driver, "Tự đánh giá 2025")
    saved = {
        "staff": driver.find_element(By.ID, "in-staff").get_attribute("value"),
        "security_plan": driver.find_element(By.ID, "in-security_plan-1").is_selected(),
        "steering_chair": Select(driver.find_element(By.ID, "in-steering_chair")).first_selected_option.get_attribute("value"),
        "status": driver.find_element(By.ID, "status").text,
        "progress": driver.find_element(By.ID, "progress").text,
        "progress-p-infra": driver.find_element(By.ID, "progress-p-infra").text,
        "progress-p-hr": driver.find_element(By.ID, "progress-p-hr").text,
    }
    # Changed values: the counts stay; every required evidence now has a title.
    wanted = {
        "staff": "120", "security_plan": True, "steering_chair": "deputy", "status": "đang soạn",
        "progress": before["progress"].split(";")[0] + "; thiếu minh chứng bắt buộc: 0",
        "progress-p-infra": before["progress-p-infra"], "progress-p-hr": before["progress-p-hr"],
    }
    if not before["progress"].startswith("Đã nhập ") or "/36;" not in before["progress"]:
        raise AssertionError(f"SNV's progress reads {before['progress']!r}")
    if saved != wanted:
        raise AssertionError(f"after saving and reloading, the form shows {saved}, not {wanted}")
    width = driver.execute_script("return document.documentElement.scrollWidth")
    if width > 420:
        raise AssertionError(f"the form is {width} px wide on a 390 px phone screen")
    driver.save_screenshot(f"{SHOTS}/agency-form-phone.png")
    driver.set_window_size(1366, 768)
    full_page_screenshot(driver, f"{SHOTS}/agency-form.png")
    driver.find_element(By.ID, "submit").click()
    expect(driver, "Đã nộp để thẩm định.")
    expect(driver, "đã nộp, chờ thẩm định")
    logout(driver)

    # The department: appraise one value with a reason, score, publish.
    login(driver, "admin")
    expect(driver, "BẢN NHÁP")  # the overview of 2025's draft run, marked by a banner
    both_widths(driver, "overview-draft")
    driver.get(BASE + "/admin/appraise/2025/SNV")
    row = driver.find_element(By.ID, "a-staff")
    Select(row.find_element(By.NAME, "d.staff")).select_by_value("adjust")
    row.find_element(By.NAME, "n.staff").send_keys("118")
    row.find_element(By.NAME, "r.staff").send_keys("Theo biên bản kiểm tra thực tế")
    driver.find_element(By.ID, "appraise").click()
    expect(driver, "Đã ghi: 1 mới")
    # Only the differences: the adjusted value with both values and its reason.
    driver.find_element(By.PARTIAL_LINK_TEXT, "Chỉ giá trị khác tự đánh giá").click()
    expect(driver, "Theo biên bản kiểm tra thực tế")
    expect(driver, "khác: 120 → 118")
    rows = driver.find_elements(By.CSS_SELECTOR, "tr[id^=a-]")
    if len(rows) != 1 or rows[0].get_attribute("id") != "a-staff":
        raise AssertionError(f"only differences shows {[r.get_attribute('id') for r in rows]}")
    both_widths(driver, "admin-appraisal")
    driver.get(BASE + "/admin/submissions?period=2025")
    expect(driver, "Sở, ban, ngành")
    both_widths(driver, "admin-submissions")
    driver.get(BASE + "/admin/runs?period=2025")
    driver.find_element(By.ID, "run").click()
    # The new run's page (the old one already says "Lần chấm — 2025"): the run's redirect names it in "a=".
    deadline = time.time() + 15
    while "a=" not in driver.current_url and time.time() < deadline:
        time.sleep(0.1)
    expect(driver, "Lần chấm — 2025")
    publish = driver.find_elements(By.CSS_SELECTOR, "button[id^=publish-]")
    if not publish:
        raise AssertionError(f"{driver.current_url}: no run to publish after scoring")
    publish[0].click()
    expect(driver, "đã công bố")
    driver.save_screenshot(f"{SHOTS}/admin-runs.png")
    driver.get(BASE + "/admin/audit?unit=SNV&action=appraisal.")
    expect(driver, "Theo biên bản kiểm tra thực tế")
    expect(driver, "Thẩm định: điều chỉnh")
    driver.get(BASE + "/admin/audit")
    expect(driver, "Công bố kết quả")
    both_widths(driver, "admin-audit")
    logout(driver)

    # The leader lands on the overview and finds the weakest commune in one click.
    login(driver, "lanhdao")
    expect(driver, "Tổng quan")
    expect(driver, "Năm đơn vị thấp nhất")
    both_widths(driver, "leader-overview")
    weakest = driver.find_element(
        By.XPATH, "//section[h2[starts-with(., 'UBND cấp xã')]]//h3[.='Năm đơn vị thấp nhất']/following-sibling::ul/li[1]/a")
    name = weakest.text
    weakest.click()
    expect(driver, "Giải thích từng điểm")
    expect(driver, name)
    # The ranking, filtered by a band.
    driver.get(BASE + "/ranking?period=2025")
    expect(driver, "Sở Nội vụ")
    both_widths(driver, "leader-ranking")
    driver.get(BASE + "/ranking?period=2025&band=weak&sort=fall")
    expect(driver, "Yếu")
    driver.get(BASE + "/ranking?period=2025")
    driver.find_element(By.LINK_TEXT, "Sở Nội vụ").click()
    expect(driver, "Hồ sơ theo nhóm tiêu chí")
    expect(driver, "Giải thích từng điểm")
    full_page_screenshot(driver, f"{SHOTS}/leader-unit.png")
    # On a phone: the same page, 390 px wide, must not need sideways scrolling beyond the tables.
    driver.set_window_size(390, 844)
    width = driver.execute_script("return document.documentElement.scrollWidth")
    if width > 420:
        raise AssertionError(f"the unit page is {width} px wide on a 390 px phone screen")
    driver.save_screenshot(f"{SHOTS}/leader-unit-phone.png")
    driver.set_window_size(1366, 768)
    logout(driver)

    # The 34 provinces on the tile-grid map: each square a link to its province.
    if PROVINCES:
        BASE = PROVINCES
        login(driver, "lanhdao")
        driver.get(BASE + "/map?period=2025")
        expect(driver, "Bản đồ")
        tiles = driver.find_elements(By.CSS_SELECTOR, ".map svg a")
        if len(tiles) != 34:
            raise AssertionError(f"the map shows {len(tiles)} provinces, not 34")
        # On a 1366x768 screen the key is beside the map, within the first screen.
        driver.set_window_size(1366, 768)
        top = driver.execute_script("return document.querySelector('.legend').getBoundingClientRect().bottom")
        inner = driver.execute_script("return window.innerHeight")
        if top > inner:
            raise AssertionError(f"the map's legend ends {top} px down, below the first screen ({inner} px)")
        both_widths(driver, "leader-map")
        driver.get(BASE + "/units/HN?period=2025")
        expect(driver, "Hà Nội")
        logout(driver)
    print("browser flow: agency saved and submitted; admin appraised, filtered to differences, scored and published;"
          " leader read the overview, opened the weakest commune, read the ranking")
finally:
    driver.quit()
