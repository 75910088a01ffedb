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
    height = driver.execute_script("return document.body.scrollHeight")
    driver.set_window_size(1366, min(max(768, height), 2400))
    driver.save_screenshot(path)
    driver.set_window_size(1366, 768)


driver = browser()
try:
    # The agency: fill, save, submit.
    login(driver, "snv")
    expect(driver, "Tự đánh giá 2025")
    staff = driver.find_element(By.ID, "in-staff")
    staff.clear()
    staff.send_keys("120")
    for details in driver.find_elements(By.TAG_NAME, "details"):
        driver.execute_script("arguments[0].open = true", details)
    for field in driver.find_elements(By.CSS_SELECTOR, "input[name$='.title']"):
        if not field.get_attribute("value"):
            field.send_keys("Quyết định 12/QĐ-SNV về chuyển đổi số")
    driver.find_element(By.ID, "save").click()
    expect(driver, "Đã lưu:")
    expect(driver, "Điểm tạm tính")
    driver.save_screenshot(f"{SHOTS}/agency-form.png")
    driver.find_element(By.ID, "submit").click()
    expect(driver, "Đã nộp để thẩm định.")
    expect(driver, "đã nộp, chờ thẩm định")
    logout(driver)

    # The department: appraise one value with a reason, score, publish.
    login(driver, "admin")
    driver.get(BASE + "/admin/appraise/2025/SNV")
    row = driver.find_element(By.ID, "a-staff")
    Select(row.find_element(By.NAME, "d.staff")).select_by_value("adjust")
    row.find_element(By.NAME, "n.staff").send_keys("118")
    row.find_element(By.NAME, "r.staff").send_keys("Theo biên bản kiểm tra thực tế")
    driver.find_element(By.ID, "appraise").click()
    expect(driver, "Đã ghi: 1 mới")
    full_page_screenshot(driver, f"{SHOTS}/admin-appraisal.png")
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
    driver.get(BASE + "/admin/audit?unit=SNV&action=appraisal")
    expect(driver, "Theo biên bản kiểm tra thực tế")
    logout(driver)

    # The leader: the ranking and a unit page.
    login(driver, "lanhdao")
    expect(driver, "Xếp hạng")
    expect(driver, "Sở Nội vụ")
    full_page_screenshot(driver, f"{SHOTS}/leader-ranking.png")
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
    print("browser flow: agency saved and submitted; admin appraised, scored and published; leader read the ranking")
finally:
    driver.quit()
