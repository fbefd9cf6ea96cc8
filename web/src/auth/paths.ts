// Addresses of the signed-in person's own account pages, shared by the router, the guard and the menu.
export const CHANGE_PASSWORD_PATH = '/account/password';
export const PROXIES_PATH = '/account/proxies';
