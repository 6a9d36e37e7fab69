// English email texts (R29). Same keys, arguments and tags as nl.ts; the type enforces the keys.
import type { EmailMessages } from "./nl";

export const en: EmailMessages = {
  common: {
    brand: "License portal",
    greeting: "Hello {firstName},",
    greetingWithoutName: "Hello,",
    buttonFallback: "Button not working? Copy this link and paste it into your browser:",
    closing: "Kind regards,",
    signature: "The License portal team",
    automated: "This message was sent automatically.",
  },
  licenseType: {
    NAMED_USER: "Named user",
    FLOATING: "Multi-user (floating)",
    NODE_LOCKED: "Node-locked",
  },
  accountVerification: {
    subject: "Activate your License portal account",
    preview: "Confirm your email address to finish registering.",
    heading: "Confirm your email address",
    intro: "Thank you for registering. Click the button below to confirm your email address and activate your account.",
    button: "Activate account",
    expiry: "This link is valid for {hours, plural, one {# hour} other {# hours}} and works once.",
    afterwards: "From then on, the same email address and password give you access to all of our software.",
    footer:
      "You are receiving this email because this address was used to create an account on the License portal. If you did not register, you can ignore this email; the account is not activated without confirmation.",
  },
  passwordReset: {
    subject: "Reset your License portal password",
    preview: "Use the link in this email to choose a new password.",
    heading: "Reset your password",
    intro: "We received a request to change the password for your account. Click the button below to choose a new password.",
    button: "Choose a new password",
    expiry: "This link is valid for {minutes, plural, one {# minute} other {# minutes}} and works once.",
    footer:
      "You are receiving this email because a new password was requested for this address. If you did not ask for one, you can ignore this email; your current password keeps working.",
  },
  accountExists: {
    subject: "You already have a License portal account",
    preview: "You can sign in right away with your existing details.",
    heading: "You already have an account",
    intro: "This email address is already registered on the License portal, so there is no need to create a new account.",
    signIn: "You can sign in right away with your existing email address and password.",
    button: "Sign in",
    resetIntro: "Forgotten your password? You can choose a new one here:",
    resetLink: "Reset password",
    footer:
      "You are receiving this email because this address was entered in a registration on the License portal. Nothing about your account has changed, and there is nothing else you need to do.",
  },
  licenseAssignedWeb: {
    subject: "{adminName} has set up {productName} for you",
    preview: "{adminName} at {companyName} has given you a license for {productName}.",
    heading: "{productName} is ready for you",
    intro: "<strong>{adminName}</strong> at <strong>{companyName}</strong> has assigned you a license for <strong>{productName}</strong>.",
    start:
      "Click Let's get started and sign in with your email address and password. You can then start working with the software right away.",
    noAccount: "Don't have an account yet? Choose Register and use this email address, the one that received this license email.",
    button: "Let's get started",
    footer:
      "You are receiving this email because {adminName} at {companyName} assigned you a license on the License portal. If you have questions about this license, please contact {adminName}.",
  },
  licenseAssignedDesktop: {
    subject: "{adminName} has set up {productName} for you, with your activation key",
    preview: "Download the software and activate it with the activation key in this email.",
    heading: "{productName} is ready for you",
    intro:
      "<strong>{adminName}</strong> at <strong>{companyName}</strong> has assigned you a license for <strong>{productName}</strong>. This email contains the download link and your activation key.",
    button: "Download desktop software",
    keyLabel: "Activation key",
    keyHint: "Keep this email: you need the key to activate the software.",
    stepsHeading: "How to get started",
    stepDownload: "Download the software with the Download desktop software button.",
    stepInstall: "Install the software on your computer.",
    stepSignIn:
      "Start the software and sign in with your email address and password. No account yet? Choose Register and use this email address.",
    stepEnterKey: "After signing in, enter the activation key from this email.",
    footer:
      "You are receiving this email because {adminName} at {companyName} assigned you a license on the License portal. If you have questions about this license, please contact {adminName}.",
  },
  invitation: {
    subject: "{adminName} invited you to use {productNames} at {companyName}",
    preview: "Register with this email address; then you can start using the software right away.",
    heading: "You have been invited",
    intro: "<strong>{adminName}</strong> at <strong>{companyName}</strong> has given you a license for the following software:",
    registerFirst: "To use the software, first register. Please use this email address, the one that received this invitation.",
    button: "Register",
    webLicense: "{productName} is a web application. Click Let's get started: you register and then go straight on to {productName}.",
    desktopLicense:
      "{productName} is desktop software. Download the software, install it and sign in with your new account. Then enter this activation key.",
    stepsHeading: "How it works",
    stepRegister:
      "Click Register or Let's get started, choose a password and accept the terms of use. Through this invitation your account is active at once.",
    stepStart:
      "Start the software and sign in with this email address and your password. You will find all your software under My software in the portal.",
    stepEnterKey: "In desktop software, enter the activation key from this email after signing in.",
    footer:
      "You are receiving this email because {adminName} at {companyName} assigned you a license on the License portal. Don't recognise the sender? You can ignore this email; no account is created unless you register.",
  },
  membershipInvitation: {
    subject: "{adminName} invites you to {companyName} on the License portal",
    preview: "Accept the invitation to become a user of this company.",
    heading: "Invitation to {companyName}",
    intro: "<strong>{adminName}</strong> invites you to become a user of <strong>{companyName}</strong> on the License portal.",
    howTo:
      "Click View invitation and sign in with this email address. No account yet? Register with this email address first, then open this link again.",
    button: "View invitation",
    expires: "The link is valid for {days, plural, one {# day} other {# days}} and works once.",
    footer:
      "You are receiving this email because someone at {companyName} entered your email address. Don't know this company? You can ignore this email; nothing happens without your consent.",
  },
  purchaseConfirmation: {
    subject: "Your order {orderNumber} is confirmed",
    preview: "Thank you for your purchase. Let's get started takes you to Software management.",
    heading: "Thank you for your order",
    intro: "Your order for <strong>{companyName}</strong> is confirmed. Here is an overview.",
    orderNumber: "Order number: <strong>{orderNumber}</strong>",
    purchaseOrderNumber: "Your purchase order number: {purchaseOrderNumber}",
    invoice:
      "Please pay invoice {invoiceNumber} within {paymentTermDays, plural, one {# day} other {# days}}. The invoice, to print or save as PDF, is in the portal:",
    invoiceLink: "View invoice {invoiceNumber}",
    columnProduct: "Product",
    columnLicenseType: "License type",
    columnSeats: "Seats",
    kindAddSeats: "additional seats",
    kindRenewal: "renewal for one year",
    net: "Subtotal excl. VAT",
    vat: "VAT",
    total: "Total",
    next: "Click Let's get started to go to Software management. There you can see your licenses and assign them to yourself and your colleagues.",
    button: "Let's get started",
    footer:
      "You are receiving this email because you bought software for {companyName} with this email address. Please keep this email as confirmation of your order.",
  },
  licenseExpiring: {
    subject: "Your {productName} license ends on {date}",
    preview: "Renew your {productName} license in time, so your colleagues can keep working without interruption.",
    heading: "Your license ends in {days, plural, one {# day} other {# days}}",
    intro: "The <strong>{productName}</strong> license of <strong>{companyName}</strong> ends on <strong>{date}</strong>.",
    details: "License type: {licenseType} · seats: {seats}.",
    next: "After that date the users it is assigned to no longer have access. You renew the license in Software management, in the license group.",
    button: "Renew license",
    footer:
      "You are receiving this email because {companyName} has you as a software administrator. This reminder is sent once per end date.",
  },
};
