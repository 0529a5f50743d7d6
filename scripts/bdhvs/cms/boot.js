/* Loaded before Decap CMS: Decap waits for admin.js to decide (CMS.init). */
window.CMS_MANUAL_INIT = true;
