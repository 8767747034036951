using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.Extensions.Localization;

namespace BluezoneTracker.Web.Localization;

/// <summary>
/// Every validation message of every form in the UI language, set once for the whole app: model binding's own
/// messages ("The value 'abc' is not valid…") and a Vietnamese default for each data-annotation attribute written
/// without a message (<c>[StringLength(300)]</c>), which the data-annotations localizer then translates like any
/// other UI text. "{0}" is the field's <see cref="DisplayAttribute"/> name, itself translated.
/// </summary>
/// <remarks>
/// ASP.NET Core localizes an attribute's message only when the attribute has one; without it the framework's
/// English text ("The field X must be a string with a maximum length of 300.") reached the Vietnamese UI.
/// </remarks>
public static class ValidationMessages
{
    /// <summary>"{0} dài quá {1} ký tự." — a text longer than <see cref="StringLengthAttribute.MaximumLength"/> or <see cref="MaxLengthAttribute.Length"/>.</summary>
    public const string TooLong = "{0} dài quá {1} ký tự.";

    /// <summary>A <see cref="StringLengthAttribute"/> with a minimum: {2} is the minimum, {1} the maximum.</summary>
    public const string LengthBetween = "{0} phải dài từ {2} đến {1} ký tự.";

    /// <summary>A text shorter than <see cref="MinLengthAttribute.Length"/>.</summary>
    public const string TooShort = "{0} phải dài ít nhất {1} ký tự.";

    /// <summary>A <see cref="RequiredAttribute"/> without a message of its own.</summary>
    public const string Required = "{0}: chưa nhập.";

    /// <summary>A value outside a <see cref="RangeAttribute"/>.</summary>
    public const string Range = "{0} phải từ {1} đến {2}.";

    /// <summary>Two fields that must agree (<see cref="CompareAttribute"/>).</summary>
    public const string Compare = "{0} không khớp với {1}.";

    /// <summary>Any other attribute: a pattern, an e-mail address…</summary>
    public const string Invalid = "{0} không hợp lệ.";

    /// <summary>Every default message and model-binding message: the resources must translate each one (<c>ValidationMessagesTests</c>).</summary>
    public static IReadOnlyList<string> Texts { get; } =
    [
        TooLong, LengthBetween, TooShort, Required, Range, Compare, Invalid,
        ValueInvalid, ValueOfFieldInvalid, ValueMissing, NotANumber, FieldNotANumber, BodyMissing, KeyOrValueMissing, NothingEntered,
    ];

    private const string ValueInvalid = "Giá trị \"{0}\" không hợp lệ.";
    private const string ValueOfFieldInvalid = "Giá trị \"{0}\" của {1} không hợp lệ.";
    private const string ValueMissing = "Giá trị đã nhập không hợp lệ.";
    private const string NotANumber = "Giá trị đã nhập phải là số.";
    private const string FieldNotANumber = "{0} phải là số.";
    private const string BodyMissing = "Thiếu nội dung yêu cầu.";
    private const string KeyOrValueMissing = "Thiếu giá trị.";

    // An empty box for a number that must be given (an int field): shown beside that field, so it need not name it.
    private const string NothingEntered = "Chưa nhập giá trị.";

    /// <summary>
    /// Gives model binding's messages in the UI language and adds the provider of the attributes' default messages.
    /// Call once, from the MVC options.
    /// </summary>
    public static void UseUiLanguage(MvcOptions options, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(localizer);
        var messages = options.ModelBindingMessageProvider;
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => localizer[ValueOfFieldInvalid, UiFormat.Echo(value), field]);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => localizer[ValueInvalid, UiFormat.Echo(value)]);
        messages.SetUnknownValueIsInvalidAccessor(_ => localizer[ValueMissing]);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => localizer[ValueMissing]);
        messages.SetValueIsInvalidAccessor(value => localizer[ValueInvalid, UiFormat.Echo(value)]);
        messages.SetValueMustBeANumberAccessor(field => localizer[FieldNotANumber, field]);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => localizer[NotANumber]);
        messages.SetValueMustNotBeNullAccessor(value => string.IsNullOrEmpty(value) ? localizer[NothingEntered] : localizer[ValueInvalid, UiFormat.Echo(value)]);
        messages.SetMissingBindRequiredValueAccessor(field => localizer[Required, field]);
        messages.SetMissingKeyOrValueAccessor(() => localizer[KeyOrValueMissing]);
        messages.SetMissingRequestBodyRequiredValueAccessor(() => localizer[BodyMissing]);
        options.ModelMetadataDetailsProviders.Add(new DefaultMessages());
    }

    /// <summary>The Vietnamese default of an attribute written without a message; null when it has one.</summary>
    public static string? DefaultFor(ValidationAttribute attribute)
    {
        ArgumentNullException.ThrowIfNull(attribute);
        if (!string.IsNullOrEmpty(attribute.ErrorMessage) || attribute.ErrorMessageResourceName is not null || attribute.ErrorMessageResourceType is not null)
        {
            return null;
        }

        return attribute switch
        {
            StringLengthAttribute { MinimumLength: > 0 } => LengthBetween,
            StringLengthAttribute or MaxLengthAttribute => TooLong,
            MinLengthAttribute => TooShort,
            RequiredAttribute => Required,
            RangeAttribute => Range,
            CompareAttribute => Compare,
            _ => Invalid,
        };
    }

    // Gives each attribute without a message its Vietnamese default when the field's metadata is first built; the
    // data-annotations localizer (AddDataAnnotationsLocalization) translates it at validation time.
    private sealed class DefaultMessages : IValidationMetadataProvider
    {
        public void CreateValidationMetadata(ValidationMetadataProviderContext context)
        {
            // A non-nullable number is required although nothing says so: MVC's client validation then makes a
            // [Required] of its own with the English default ("The … field is required.", trial 30). Declaring it
            // here, with the default message, gives the browser the UI language's text as for any other field.
            var type = context.Key.ModelType;
            if (context.Key.MetadataKind == ModelMetadataKind.Property && type.IsValueType && Nullable.GetUnderlyingType(type) is null
                && !context.ValidationMetadata.ValidatorMetadata.OfType<RequiredAttribute>().Any()
                && !context.Attributes.OfType<RequiredAttribute>().Any())
            {
                context.ValidationMetadata.ValidatorMetadata.Add(new RequiredAttribute { ErrorMessage = Required });
            }

            // A non-nullable string (string Code, string Role) gets MVC's inferred [Required] in the validator metadata, not
            // among the attributes, with the English default ("The Code field is required."): it gets ours too.
            foreach (var attribute in context.Attributes.OfType<ValidationAttribute>().Concat(context.ValidationMetadata.ValidatorMetadata.OfType<ValidationAttribute>()).Distinct())
            {
                if (DefaultFor(attribute) is { } message)
                {
                    attribute.ErrorMessage = message;
                }
            }
        }
    }
}
