using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Localization;

/// <summary>
/// Makes every validation and model-binding message a key of <see cref="SharedResource"/>. ASP.NET Core localizes a
/// DataAnnotations attribute only when it has an <see cref="ValidationAttribute.ErrorMessage"/>
/// (https://learn.microsoft.com/aspnet/core/fundamentals/localization/make-content-localizable#dataannotations-localization):
/// an attribute without one gets the framework's English default as its message, which the resource then translates.
/// Model binding's messages ("The value 'x' is not valid for Sort order.") come from
/// <see cref="Microsoft.AspNetCore.Mvc.ModelBinding.Metadata.DefaultModelBindingMessageProvider"/>, set here through the same resource.
/// </summary>
public sealed class ValidationMessages(IStringLocalizerFactory factory) : IValidationMetadataProvider, IConfigureOptions<MvcOptions>
{
    /// <inheritdoc />
    public void CreateValidationMetadata(ValidationMetadataProviderContext context)
    {
        foreach (var attribute in context.ValidationMetadata.ValidatorMetadata.OfType<ValidationAttribute>())
        {
            if (attribute.ErrorMessage is not null || attribute.ErrorMessageResourceName is not null) continue;
            if (Default(attribute) is { } message) attribute.ErrorMessage = message;
        }
    }

    /// <inheritdoc />
    public void Configure(MvcOptions options)
    {
        options.ModelMetadataDetailsProviders.Add(this);
        var text = factory.Create(typeof(SharedResource));
        var messages = options.ModelBindingMessageProvider;
        messages.SetAttemptedValueIsInvalidAccessor((value, name) => text["The value '{0}' is not valid for {1}.", value, name]);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => text["The value '{0}' is not valid.", value]);
        messages.SetValueMustBeANumberAccessor(name => text["The field {0} must be a number.", name]);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => text["The field must be a number."]);
        messages.SetMissingBindRequiredValueAccessor(name => text["A value for the '{0}' parameter or property was not provided.", name]);
        messages.SetMissingKeyOrValueAccessor(() => text["A value is required."]);
        messages.SetUnknownValueIsInvalidAccessor(name => text["The supplied value is invalid for {0}.", name]);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => text["The supplied value is invalid."]);
        messages.SetValueIsInvalidAccessor(value => text["The value '{0}' is invalid.", value]);
        messages.SetValueMustNotBeNullAccessor(_ => text["Null value is invalid."]);
        messages.SetMissingRequestBodyRequiredValueAccessor(() => text["A non-empty request body is required."]);
    }

    /// <summary>The framework's English message for the attributes the app uses; null for one that has no message to show.</summary>
    private static string? Default(ValidationAttribute attribute) => attribute switch
    {
        RequiredAttribute => "The {0} field is required.",
        StringLengthAttribute { MinimumLength: > 0 } => "The field {0} must be a string with a minimum length of {2} and a maximum length of {1}.",
        StringLengthAttribute => "The field {0} must be a string with a maximum length of {1}.",
        RangeAttribute => "The field {0} must be between {1} and {2}.",
        EmailAddressAttribute => "The {0} field is not a valid e-mail address.",
        RegularExpressionAttribute => "The field {0} must match the regular expression '{1}'.",
        CompareAttribute => "'{0}' and '{1}' do not match.",
        UrlAttribute => "The {0} field is not a valid fully-qualified http, https, or ftp URL.",
        PhoneAttribute => "The {0} field is not a valid phone number.",
        _ => null,
    };
}
