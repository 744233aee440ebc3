"""Contains all the data models used in inputs/outputs"""

from .account_kind import AccountKind
from .account_ready import AccountReady
from .address import Address
from .address_change import AddressChange
from .address_patch import AddressPatch
from .address_snapshot import AddressSnapshot
from .address_use import AddressUse
from .api_key import ApiKey
from .applied_promotion import AppliedPromotion
from .appointment import Appointment
from .appointment_state import AppointmentState
from .appointment_view import AppointmentView
from .audience import Audience
from .audience_change import AudienceChange
from .audience_changed import AudienceChanged
from .audience_member import AudienceMember
from .audit_action import AuditAction
from .audit_entry import AuditEntry
from .audit_entry_detail import AuditEntryDetail
from .available_promotion import AvailablePromotion
from .available_promotions import AvailablePromotions
from .became import Became
from .billing_event_data import BillingEventData
from .billing_event_data_previous_attributes_type_0 import (
    BillingEventDataPreviousAttributesType0,
)
from .billing_event_object import BillingEventObject
from .billing_event_object_customer_type_1 import BillingEventObjectCustomerType1
from .billing_stripe_event import BillingStripeEvent
from .billing_stripe_event_request_type_0 import BillingStripeEventRequestType0
from .billing_stripe_event_type import BillingStripeEventType
from .billing_webhook_receipt import BillingWebhookReceipt
from .billing_webhook_receipt_outcome import BillingWebhookReceiptOutcome
from .binding import Binding
from .binding_change import BindingChange
from .binding_record import BindingRecord
from .binding_scope import BindingScope
from .binding_term import BindingTerm
from .booking import Booking
from .bound_by import BoundBy
from .branding import Branding
from .branding_patch import BrandingPatch
from .broadcast import Broadcast
from .broadcast_request import BroadcastRequest
from .broadcast_request_data import BroadcastRequestData
from .broadcast_skipped import BroadcastSkipped
from .buckets import Buckets
from .callback_answer import CallbackAnswer
from .cancel_order import CancelOrder
from .cancellation import Cancellation
from .cart import Cart
from .cart_lines import CartLines
from .category import Category
from .category_patch import CategoryPatch
from .channel import Channel
from .checkout import Checkout
from .checkout_request import CheckoutRequest
from .checkout_request_currency import CheckoutRequestCurrency
from .checkout_started import CheckoutStarted
from .checkup_record import CheckupRecord
from .code_batch_request import CodeBatchRequest
from .code_check import CodeCheck
from .code_sent import CodeSent
from .collection import Collection
from .collection_point import CollectionPoint
from .commission_view import CommissionView
from .confirmation import Confirmation
from .consent_entry import ConsentEntry
from .consent_given import ConsentGiven
from .consent_source import ConsentSource
from .contact import Contact
from .coupon_code_state import CouponCodeState
from .currency_sales import CurrencySales
from .decline import Decline
from .demographics import Demographics
from .device import Device
from .device_platform import DevicePlatform
from .dimension import Dimension
from .disable_request import DisableRequest
from .dispute import Dispute
from .distribution_patch import DistributionPatch
from .distribution_settings import DistributionSettings
from .distributor import Distributor
from .distributor_kind import DistributorKind
from .distributor_status import DistributorStatus
from .distributor_status_change import DistributorStatusChange
from .download import Download
from .email_change import EmailChange
from .entitlements_view import EntitlementsView
from .entitlements_view_limits import EntitlementsViewLimits
from .entry_kind import EntryKind
from .external_account import ExternalAccount
from .external_kind import ExternalKind
from .external_transfer import ExternalTransfer
from .fee_paid import FeePaid
from .field_problem import FieldProblem
from .finding import Finding
from .finding_view import FindingView
from .first_admin import FirstAdmin
from .forgotten_password import ForgottenPassword
from .fulfilment_group import FulfilmentGroup
from .fulfilment_group_delivered_by_type_0 import FulfilmentGroupDeliveredByType0
from .group_details import GroupDetails
from .group_kind import GroupKind
from .group_patch import GroupPatch
from .group_status import GroupStatus
from .hop import Hop
from .http_validation_error import HTTPValidationError
from .image import Image
from .image_upload import ImageUpload
from .image_upload_fields import ImageUploadFields
from .image_upload_request import ImageUploadRequest
from .image_upload_request_content_type import ImageUploadRequestContentType
from .individual_details import IndividualDetails
from .individual_details_extras import IndividualDetailsExtras
from .individual_patch import IndividualPatch
from .individual_patch_extras_type_0 import IndividualPatchExtrasType0
from .invitation import Invitation
from .issued_api_key import IssuedApiKey
from .issued_codes import IssuedCodes
from .kind_total import KindTotal
from .kit import Kit
from .kit_batch import KitBatch
from .kit_demographics_type_0 import KitDemographicsType0
from .kit_dispatch import KitDispatch
from .kit_import import KitImport
from .kit_registration import KitRegistration
from .kit_registration_for import KitRegistrationFor
from .kit_state import KitState
from .lab_call import LabCall
from .lab_call_answer import LabCallAnswer
from .lab_outcome import LabOutcome
from .lab_view import LabView
from .level_commission import LevelCommission
from .level_summary import LevelSummary
from .line_commission import LineCommission
from .line_in import LineIn
from .line_price import LinePrice
from .logistics_patch import LogisticsPatch
from .logistics_settings import LogisticsSettings
from .marketing_consent import MarketingConsent
from .member_kind import MemberKind
from .message import Message
from .method import Method
from .method_sales import MethodSales
from .money import Money
from .movement import Movement
from .my_qr_code_error_correction import MyQrCodeErrorCorrection
from .my_qr_code_format import MyQrCodeFormat
from .nearby_point import NearbyPoint
from .nearby_points import NearbyPoints
from .new_address import NewAddress
from .new_api_key import NewApiKey
from .new_audience import NewAudience
from .new_category import NewCategory
from .new_checkup_record import NewCheckupRecord
from .new_device import NewDevice
from .new_lab import NewLab
from .new_lab_view import NewLabView
from .new_password import NewPassword
from .new_product import NewProduct
from .new_promotion import NewPromotion
from .new_report import NewReport
from .new_sku import NewSku
from .new_sku_specs import NewSkuSpecs
from .new_store import NewStore
from .new_store_kind import NewStoreKind
from .new_tag import NewTag
from .new_tenant import NewTenant
from .notification_accepted import NotificationAccepted
from .notification_profile import NotificationProfile
from .notification_profile_addresses import NotificationProfileAddresses
from .notification_request import NotificationRequest
from .notification_request_data import NotificationRequestData
from .notification_request_message_channel import NotificationRequestMessageChannel
from .notification_settings import NotificationSettings
from .notification_settings_channels import NotificationSettingsChannels
from .notification_settings_notification_channel import (
    NotificationSettingsNotificationChannel,
)
from .notification_settings_workflows import NotificationSettingsWorkflows
from .offer import Offer
from .offline_payment import OfflinePayment
from .online_payment_method import OnlinePaymentMethod
from .opening_hours import OpeningHours
from .order import Order
from .order_line import OrderLine
from .order_promotion import OrderPromotion
from .order_quote import OrderQuote
from .order_refund import OrderRefund
from .order_settings import OrderSettings
from .order_state import OrderState
from .order_summary import OrderSummary
from .orders_patch import OrdersPatch
from .page_address import PageAddress
from .page_api_key import PageApiKey
from .page_appointment_view import PageAppointmentView
from .page_audience_member import PageAudienceMember
from .page_audit_entry import PageAuditEntry
from .page_category import PageCategory
from .page_checkup_record import PageCheckupRecord
from .page_collection_point import PageCollectionPoint
from .page_commission_view import PageCommissionView
from .page_coupon_code_state import PageCouponCodeState
from .page_distributor import PageDistributor
from .page_message import PageMessage
from .page_order_summary import PageOrderSummary
from .page_payment import PagePayment
from .page_period_order import PagePeriodOrder
from .page_product_summary import PageProductSummary
from .page_promotion import PagePromotion
from .page_redemption_record import PageRedemptionRecord
from .page_report_summary import PageReportSummary
from .page_stock_level import PageStockLevel
from .page_stock_movement import PageStockMovement
from .page_store import PageStore
from .page_tag import PageTag
from .page_team_member import PageTeamMember
from .page_template_version import PageTemplateVersion
from .page_template_view import PageTemplateView
from .page_tenant import PageTenant
from .page_user import PageUser
from .page_withdrawal_view import PageWithdrawalView
from .paid_gene_test import PaidGeneTest
from .password_sign_in import PasswordSignIn
from .payment import Payment
from .payment_info import PaymentInfo
from .payment_method import PaymentMethod
from .payment_started import PaymentStarted
from .payment_status import PaymentStatus
from .payout_account import PayoutAccount
from .payout_details import PayoutDetails
from .payout_route import PayoutRoute
from .period_order import PeriodOrder
from .phone_change import PhoneChange
from .placed_order import PlacedOrder
from .plan_change import PlanChange
from .plan_view import PlanView
from .plan_view_limits import PlanViewLimits
from .plan_view_prices import PlanViewPrices
from .platform_sign_in import PlatformSignIn
from .point_address import PointAddress
from .point_contact import PointContact
from .point_slots import PointSlots
from .point_spec import PointSpec
from .point_status import PointStatus
from .portal_request import PortalRequest
from .portal_session import PortalSession
from .preview import Preview
from .preview_channel import PreviewChannel
from .preview_data_type_0 import PreviewDataType0
from .previewed import Previewed
from .previewed_data import PreviewedData
from .previewed_template_type_0 import PreviewedTemplateType0
from .problem import Problem
from .product import Product
from .product_kind import ProductKind
from .product_patch import ProductPatch
from .product_sales import ProductSales
from .product_status import ProductStatus
from .product_summary import ProductSummary
from .profile import Profile
from .profile_patch import ProfilePatch
from .promotion import Promotion
from .promotion_kind import PromotionKind
from .promotion_method import PromotionMethod
from .promotion_patch import PromotionPatch
from .promotion_status import PromotionStatus
from .provider import Provider
from .quiet_hours import QuietHours
from .quote import Quote
from .quote_line import QuoteLine
from .quote_request import QuoteRequest
from .rebinding import Rebinding
from .receipt_confirmation import ReceiptConfirmation
from .record_category import RecordCategory
from .record_upload_request import RecordUploadRequest
from .record_upload_request_content_type import RecordUploadRequestContentType
from .recruitment import Recruitment
from .redemption_record import RedemptionRecord
from .refresh import Refresh
from .refund import Refund
from .refund_ask import RefundAsk
from .refund_decision import RefundDecision
from .refund_issue import RefundIssue
from .refund_line import RefundLine
from .refund_request import RefundRequest
from .refund_status import RefundStatus
from .registration import Registration
from .replacement_policy import ReplacementPolicy
from .replacement_policy_patch import ReplacementPolicyPatch
from .replacement_request import ReplacementRequest
from .report_state import ReportState
from .report_summary import ReportSummary
from .report_upload_request import ReportUploadRequest
from .report_view import ReportView
from .response_validation_error import ResponseValidationError
from .return_shipment import ReturnShipment
from .role import Role
from .roles_change import RolesChange
from .rule_change import RuleChange
from .rule_change_channels_item import RuleChangeChannelsItem
from .rule_view import RuleView
from .rule_view_channels_item import RuleViewChannelsItem
from .sales_report import SalesReport
from .sample_sex import SampleSex
from .sample_waits import SampleWaits
from .sample_waits_patch import SampleWaitsPatch
from .scope import Scope
from .sender_names import SenderNames
from .sender_names_patch import SenderNamesPatch
from .session import Session
from .settings_patch import SettingsPatch
from .sex import Sex
from .share_link import ShareLink
from .share_state import ShareState
from .shipment import Shipment
from .shipment_entry import ShipmentEntry
from .signed_out import SignedOut
from .skipped import Skipped
from .sku import Sku
from .sku_patch import SkuPatch
from .sku_patch_specs_type_0 import SkuPatchSpecsType0
from .sku_specs import SkuSpecs
from .slot import Slot
from .sms_code_request import SmsCodeRequest
from .sms_sign_in import SmsSignIn
from .spend_tier import SpendTier
from .statement import Statement
from .statement_entry import StatementEntry
from .status_change import StatusChange
from .stock_adjustment import StockAdjustment
from .stock_level import StockLevel
from .stock_level_set import StockLevelSet
from .stock_movement import StockMovement
from .store import Store
from .store_kind import StoreKind
from .store_patch import StorePatch
from .store_sales import StoreSales
from .store_status import StoreStatus
from .stripe_account_setup import StripeAccountSetup
from .stripe_event import StripeEvent
from .stripe_event_data import StripeEventData
from .stripe_event_data_previous_attributes_type_0 import (
    StripeEventDataPreviousAttributesType0,
)
from .stripe_event_request_type_0 import StripeEventRequestType0
from .stripe_event_type import StripeEventType
from .stripe_object import StripeObject
from .stripe_object_last_payment_error_type_0 import StripeObjectLastPaymentErrorType0
from .stripe_object_latest_charge_type_1 import StripeObjectLatestChargeType1
from .stripe_object_metadata_type_0 import StripeObjectMetadataType0
from .stripe_object_payment_intent_type_1 import StripeObjectPaymentIntentType1
from .subscription_cancellation import SubscriptionCancellation
from .suspension import Suspension
from .tag import Tag
from .tag_patch import TagPatch
from .team_member import TeamMember
from .team_summary import TeamSummary
from .template_content import TemplateContent
from .template_locale import TemplateLocale
from .template_version import TemplateVersion
from .template_version_channel import TemplateVersionChannel
from .template_version_content import TemplateVersionContent
from .template_view import TemplateView
from .template_view_channel import TemplateViewChannel
from .template_view_content import TemplateViewContent
from .tenant import Tenant
from .tenant_kind import TenantKind
from .tenant_settings import TenantSettings
from .tenant_status import TenantStatus
from .tier import Tier
from .totals import Totals
from .transition import Transition
from .unbinding import Unbinding
from .upload import Upload
from .upload_fields import UploadFields
from .usage import Usage
from .user import User
from .user_kind import UserKind
from .user_status import UserStatus
from .validation_error import ValidationError
from .wallet import Wallet
from .wallet_balance import WalletBalance
from .we_chat_binding import WeChatBinding
from .we_chat_template import WeChatTemplate
from .we_chat_template_fields import WeChatTemplateFields
from .webhook_receipt import WebhookReceipt
from .webhook_receipt_outcome import WebhookReceiptOutcome
from .weekday import Weekday
from .whats_app_template import WhatsAppTemplate
from .withdrawal_detail import WithdrawalDetail
from .withdrawal_rejection import WithdrawalRejection
from .withdrawal_request import WithdrawalRequest
from .withdrawal_rules import WithdrawalRules
from .withdrawal_rules_patch import WithdrawalRulesPatch
from .withdrawal_state import WithdrawalState
from .withdrawal_view import WithdrawalView
from .workflow_preference import WorkflowPreference
from .workflow_preference_channels import WorkflowPreferenceChannels

__all__ = (
    "AccountKind",
    "AccountReady",
    "Address",
    "AddressChange",
    "AddressPatch",
    "AddressSnapshot",
    "AddressUse",
    "ApiKey",
    "AppliedPromotion",
    "Appointment",
    "AppointmentState",
    "AppointmentView",
    "Audience",
    "AudienceChange",
    "AudienceChanged",
    "AudienceMember",
    "AuditAction",
    "AuditEntry",
    "AuditEntryDetail",
    "AvailablePromotion",
    "AvailablePromotions",
    "Became",
    "BillingEventData",
    "BillingEventDataPreviousAttributesType0",
    "BillingEventObject",
    "BillingEventObjectCustomerType1",
    "BillingStripeEvent",
    "BillingStripeEventRequestType0",
    "BillingStripeEventType",
    "BillingWebhookReceipt",
    "BillingWebhookReceiptOutcome",
    "Binding",
    "BindingChange",
    "BindingRecord",
    "BindingScope",
    "BindingTerm",
    "Booking",
    "BoundBy",
    "Branding",
    "BrandingPatch",
    "Broadcast",
    "BroadcastRequest",
    "BroadcastRequestData",
    "BroadcastSkipped",
    "Buckets",
    "CallbackAnswer",
    "CancelOrder",
    "Cancellation",
    "Cart",
    "CartLines",
    "Category",
    "CategoryPatch",
    "Channel",
    "Checkout",
    "CheckoutRequest",
    "CheckoutRequestCurrency",
    "CheckoutStarted",
    "CheckupRecord",
    "CodeBatchRequest",
    "CodeCheck",
    "CodeSent",
    "Collection",
    "CollectionPoint",
    "CommissionView",
    "Confirmation",
    "ConsentEntry",
    "ConsentGiven",
    "ConsentSource",
    "Contact",
    "CouponCodeState",
    "CurrencySales",
    "Decline",
    "Demographics",
    "Device",
    "DevicePlatform",
    "Dimension",
    "DisableRequest",
    "Dispute",
    "DistributionPatch",
    "DistributionSettings",
    "Distributor",
    "DistributorKind",
    "DistributorStatus",
    "DistributorStatusChange",
    "Download",
    "EmailChange",
    "EntitlementsView",
    "EntitlementsViewLimits",
    "EntryKind",
    "ExternalAccount",
    "ExternalKind",
    "ExternalTransfer",
    "FeePaid",
    "FieldProblem",
    "Finding",
    "FindingView",
    "FirstAdmin",
    "ForgottenPassword",
    "FulfilmentGroup",
    "FulfilmentGroupDeliveredByType0",
    "GroupDetails",
    "GroupKind",
    "GroupPatch",
    "GroupStatus",
    "HTTPValidationError",
    "Hop",
    "Image",
    "ImageUpload",
    "ImageUploadFields",
    "ImageUploadRequest",
    "ImageUploadRequestContentType",
    "IndividualDetails",
    "IndividualDetailsExtras",
    "IndividualPatch",
    "IndividualPatchExtrasType0",
    "Invitation",
    "IssuedApiKey",
    "IssuedCodes",
    "KindTotal",
    "Kit",
    "KitBatch",
    "KitDemographicsType0",
    "KitDispatch",
    "KitImport",
    "KitRegistration",
    "KitRegistrationFor",
    "KitState",
    "LabCall",
    "LabCallAnswer",
    "LabOutcome",
    "LabView",
    "LevelCommission",
    "LevelSummary",
    "LineCommission",
    "LineIn",
    "LinePrice",
    "LogisticsPatch",
    "LogisticsSettings",
    "MarketingConsent",
    "MemberKind",
    "Message",
    "Method",
    "MethodSales",
    "Money",
    "Movement",
    "MyQrCodeErrorCorrection",
    "MyQrCodeFormat",
    "NearbyPoint",
    "NearbyPoints",
    "NewAddress",
    "NewApiKey",
    "NewAudience",
    "NewCategory",
    "NewCheckupRecord",
    "NewDevice",
    "NewLab",
    "NewLabView",
    "NewPassword",
    "NewProduct",
    "NewPromotion",
    "NewReport",
    "NewSku",
    "NewSkuSpecs",
    "NewStore",
    "NewStoreKind",
    "NewTag",
    "NewTenant",
    "NotificationAccepted",
    "NotificationProfile",
    "NotificationProfileAddresses",
    "NotificationRequest",
    "NotificationRequestData",
    "NotificationRequestMessageChannel",
    "NotificationSettings",
    "NotificationSettingsChannels",
    "NotificationSettingsNotificationChannel",
    "NotificationSettingsWorkflows",
    "Offer",
    "OfflinePayment",
    "OnlinePaymentMethod",
    "OpeningHours",
    "Order",
    "OrderLine",
    "OrderPromotion",
    "OrderQuote",
    "OrderRefund",
    "OrderSettings",
    "OrderState",
    "OrderSummary",
    "OrdersPatch",
    "PageAddress",
    "PageApiKey",
    "PageAppointmentView",
    "PageAudienceMember",
    "PageAuditEntry",
    "PageCategory",
    "PageCheckupRecord",
    "PageCollectionPoint",
    "PageCommissionView",
    "PageCouponCodeState",
    "PageDistributor",
    "PageMessage",
    "PageOrderSummary",
    "PagePayment",
    "PagePeriodOrder",
    "PageProductSummary",
    "PagePromotion",
    "PageRedemptionRecord",
    "PageReportSummary",
    "PageStockLevel",
    "PageStockMovement",
    "PageStore",
    "PageTag",
    "PageTeamMember",
    "PageTemplateVersion",
    "PageTemplateView",
    "PageTenant",
    "PageUser",
    "PageWithdrawalView",
    "PaidGeneTest",
    "PasswordSignIn",
    "Payment",
    "PaymentInfo",
    "PaymentMethod",
    "PaymentStarted",
    "PaymentStatus",
    "PayoutAccount",
    "PayoutDetails",
    "PayoutRoute",
    "PeriodOrder",
    "PhoneChange",
    "PlacedOrder",
    "PlanChange",
    "PlanView",
    "PlanViewLimits",
    "PlanViewPrices",
    "PlatformSignIn",
    "PointAddress",
    "PointContact",
    "PointSlots",
    "PointSpec",
    "PointStatus",
    "PortalRequest",
    "PortalSession",
    "Preview",
    "PreviewChannel",
    "PreviewDataType0",
    "Previewed",
    "PreviewedData",
    "PreviewedTemplateType0",
    "Problem",
    "Product",
    "ProductKind",
    "ProductPatch",
    "ProductSales",
    "ProductStatus",
    "ProductSummary",
    "Profile",
    "ProfilePatch",
    "Promotion",
    "PromotionKind",
    "PromotionMethod",
    "PromotionPatch",
    "PromotionStatus",
    "Provider",
    "QuietHours",
    "Quote",
    "QuoteLine",
    "QuoteRequest",
    "Rebinding",
    "ReceiptConfirmation",
    "RecordCategory",
    "RecordUploadRequest",
    "RecordUploadRequestContentType",
    "Recruitment",
    "RedemptionRecord",
    "Refresh",
    "Refund",
    "RefundAsk",
    "RefundDecision",
    "RefundIssue",
    "RefundLine",
    "RefundRequest",
    "RefundStatus",
    "Registration",
    "ReplacementPolicy",
    "ReplacementPolicyPatch",
    "ReplacementRequest",
    "ReportState",
    "ReportSummary",
    "ReportUploadRequest",
    "ReportView",
    "ResponseValidationError",
    "ReturnShipment",
    "Role",
    "RolesChange",
    "RuleChange",
    "RuleChangeChannelsItem",
    "RuleView",
    "RuleViewChannelsItem",
    "SalesReport",
    "SampleSex",
    "SampleWaits",
    "SampleWaitsPatch",
    "Scope",
    "SenderNames",
    "SenderNamesPatch",
    "Session",
    "SettingsPatch",
    "Sex",
    "ShareLink",
    "ShareState",
    "Shipment",
    "ShipmentEntry",
    "SignedOut",
    "Skipped",
    "Sku",
    "SkuPatch",
    "SkuPatchSpecsType0",
    "SkuSpecs",
    "Slot",
    "SmsCodeRequest",
    "SmsSignIn",
    "SpendTier",
    "Statement",
    "StatementEntry",
    "StatusChange",
    "StockAdjustment",
    "StockLevel",
    "StockLevelSet",
    "StockMovement",
    "Store",
    "StoreKind",
    "StorePatch",
    "StoreSales",
    "StoreStatus",
    "StripeAccountSetup",
    "StripeEvent",
    "StripeEventData",
    "StripeEventDataPreviousAttributesType0",
    "StripeEventRequestType0",
    "StripeEventType",
    "StripeObject",
    "StripeObjectLastPaymentErrorType0",
    "StripeObjectLatestChargeType1",
    "StripeObjectMetadataType0",
    "StripeObjectPaymentIntentType1",
    "SubscriptionCancellation",
    "Suspension",
    "Tag",
    "TagPatch",
    "TeamMember",
    "TeamSummary",
    "TemplateContent",
    "TemplateLocale",
    "TemplateVersion",
    "TemplateVersionChannel",
    "TemplateVersionContent",
    "TemplateView",
    "TemplateViewChannel",
    "TemplateViewContent",
    "Tenant",
    "TenantKind",
    "TenantSettings",
    "TenantStatus",
    "Tier",
    "Totals",
    "Transition",
    "Unbinding",
    "Upload",
    "UploadFields",
    "Usage",
    "User",
    "UserKind",
    "UserStatus",
    "ValidationError",
    "Wallet",
    "WalletBalance",
    "WeChatBinding",
    "WeChatTemplate",
    "WeChatTemplateFields",
    "WebhookReceipt",
    "WebhookReceiptOutcome",
    "Weekday",
    "WhatsAppTemplate",
    "WithdrawalDetail",
    "WithdrawalRejection",
    "WithdrawalRequest",
    "WithdrawalRules",
    "WithdrawalRulesPatch",
    "WithdrawalState",
    "WithdrawalView",
    "WorkflowPreference",
    "WorkflowPreferenceChannels",
)
