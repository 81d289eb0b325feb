// The "gdnn-notifications" webapp plugin adds nothing to Cockpit: it exists to serve Tasklist's page
// "Nhận thông báo" (tasklist/scripts/notification-preferences.js) with the webapp session. See docs/notifications.md.
export default [];
