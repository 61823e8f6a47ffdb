import type { Locator, Page } from '@playwright/test';

/**
 * Puts the focus in a field (standing in for the Tab presses a user would make) and replaces its
 * text by typing, as a user would: select all, type.
 */
export async function typeInto(page: Page, field: Locator, text: string): Promise<void> {
  await field.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}
